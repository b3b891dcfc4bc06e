import * as rruleModule from 'rrule';

type RRuleModule = typeof rruleModule;

/**
 * rrule ships a UMD file as `main` and an ES build as `module`: Node sees
 * only a default export, bundlers see named ones. Either way this is the module.
 */
const resolved: RRuleModule =
  (rruleModule as Partial<RRuleModule>).RRule !== undefined
    ? rruleModule
    : (rruleModule as unknown as { default: RRuleModule }).default;

export const RRule = resolved.RRule;
export type RRule = rruleModule.RRule;
export type RRuleOptions = rruleModule.Options;
