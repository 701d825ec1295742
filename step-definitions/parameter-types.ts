import { defineParameterType } from '@cucumber/cucumber';
import { type Action, parseMessageName } from '../kernel/ocpp/actions';
import { REUSABLE_STATES, type ReusableStateName } from '../support/station/reusable-states';

export interface MessageName {
  /** e.g. "GetVariablesRequest" */
  name: string;
  action: Action;
  kind: 'request' | 'response';
}

defineParameterType({
  name: 'message',
  regexp: /[A-Z][A-Za-z0-9]+?(?:Request|Response)/,
  transformer: (name: string): MessageName => ({ name, ...parseMessageName(name) }),
});

defineParameterType({
  name: 'field',
  regexp: /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[(?:\d+|\*)\])*/,
  transformer: (path: string) => path,
});

defineParameterType({
  name: 'reusableState',
  regexp: new RegExp(REUSABLE_STATES.join('|')),
  transformer: (name: string) => name as ReusableStateName,
});
