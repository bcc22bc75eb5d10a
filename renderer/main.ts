/**
 * The desktop screens are built on this page. Until they land, it points people to the command
 * line, which runs the same scan engine.
 */
const root = document.getElementById('app');
if (root) {
  const note = document.createElement('p');
  note.textContent =
    'The guided screens are on their way. Meanwhile, try a scan of the demo tenant from a terminal: npx breach-ready scan --demo';
  root.append(note);
}
