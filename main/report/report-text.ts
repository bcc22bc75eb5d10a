import type { ReportModel } from './report-model';
import { dateTime, longDate, plural, scoreText } from './report-words';

/** Affected objects listed per finding before "and N more". */
export const MAX_AFFECTED = 25;

export function reportTitle(model: ReportModel): string {
  return `Security check-up: ${model.tenant.displayName}`;
}

const RATING_MEANING: Record<string, string> = {
  Good: 'Most of the protections that matter are in place.',
  'Needs work': 'Important protections are missing; the action plan shows what to do first.',
  'At risk':
    'Many basic protections are missing. An attacker with one stolen password could do real harm.',
  'Not enough data': 'Too little could be read to give a score.',
};

/** The sentences the executive summary is made of, the same in HTML and PDF. */
export function summaryLines(model: ReportModel) {
  const s = model.summary;
  const ratingMeaning = RATING_MEANING[s.rating] ?? '';
  const scoreSentence = `Breach-readiness score: ${scoreText(s.score)} (${s.rating}). ${ratingMeaning}`;
  const countsSentence = `${plural(s.counts.fail, 'check')} failed and ${s.counts.warn} ${s.counts.warn === 1 ? 'is' : 'are'} partly met; ${s.counts.pass} passed${s.counts.notAssessed ? `; ${s.counts.notAssessed} could not be checked or ${s.counts.notAssessed === 1 ? 'needs' : 'need'} your answer` : ''}.`;
  const since = s.sinceLastTime;
  let sinceSentence: string;
  if (!since) {
    sinceSentence =
      'This is the first scan of this organisation. The next report will show what changed.';
  } else {
    const change =
      since.previousScore === null || s.score === null
        ? ''
        : s.score > since.previousScore
          ? `The score rose from ${since.previousScore} to ${s.score}.`
          : s.score < since.previousScore
            ? `The score fell from ${since.previousScore} to ${s.score}.`
            : `The score is unchanged at ${s.score}.`;
    const fixed = since.fixed.length
      ? `${plural(since.fixed.length, 'problem')} fixed`
      : 'No problems fixed yet';
    const newer = since.newlyFailing.length
      ? `${plural(since.newlyFailing.length, 'new problem')}`
      : 'no new problems';
    const decisions = since.decisionsChanged
      ? ` ${plural(since.decisionsChanged, 'decision')} recorded.`
      : '';
    const when =
      since.previousDate.slice(0, 10) === model.scan.startedAt.slice(0, 10)
        ? dateTime(since.previousDate)
        : longDate(since.previousDate);
    sinceSentence = `Compared with the scan of ${when}: ${change ? `${change} ` : ''}${fixed}, ${newer}, ${since.stillFailing} still open.${decisions}`;
  }
  return { scoreSentence, ratingMeaning, countsSentence, sinceSentence };
}
