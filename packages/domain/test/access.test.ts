import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allowedEvents,
  can,
  checkPassword,
  isRole,
  childPath,
  depthOf,
  hasCityWideScope,
  isWithin,
  permissionsOf,
  ROLES,
  type Role,
} from '../src/index.ts';

describe('roles and permissions', () => {
  it('grants administration only to system administrators', () => {
    for (const role of ROLES) expect(can([role], 'user.manage')).toBe(role === 'system_admin');
  });

  it('unions the permissions of several roles, in a stable order', () => {
    expect(permissionsOf(['director', 'rule_admin'])).toEqual([
      'org.read',
      'user.read',
      'rules.manage',
      'person.read',
      'person.manage',
      'person.unmask',
      'consultation.read',
      'consultation.manage',
      'application.read',
      'application.manage',
      'application.decide',
      'application.approve',
      'knowledge.read',
      'knowledge.manage',
      'handler.read',
      'handler.manage',
      'quality.evaluate',
      'subsidy.read',
      'subsidy.approve',
      'message.read',
      'duty.manage',
      'complaint.read',
      'complaint.record',
      'complaint.handle',
      'quality.visit',
      'quality.sample',
      'quality.inspect',
      'quality.observe',
      'quality.kpi',
      'quality.opinion',
      'funding.waiver',
      'funding.read',
    ]);
    expect(permissionsOf([])).toEqual([]);
  });

  it('grants the evaluation and the subsidy to the roles the lifecycle lets take those steps', () => {
    const at = '2026-12-01T02:00:00.000Z';
    const mayTake = (role: Role, state: 'closed' | 'evaluated', event: string) =>
      allowedEvents(state, { actorRoles: [role], at }).some((e) => e.event === event);
    for (const role of ROLES) {
      expect(can([role], 'quality.evaluate'), role).toBe(mayTake(role, 'closed', 'record_evaluation'));
      expect(can([role], 'subsidy.pay'), role).toBe(mayTake(role, 'evaluated', 'record_subsidy_paid'));
    }
    // Finance opens the case file it pays for.
    expect(can(['finance'], 'application.read')).toBe(true);
  });

  it('recognises role codes and nothing else', () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole('root')).toBe(false);
  });

  it('gives supervisors a city-wide scope and nobody else', () => {
    for (const role of ROLES) expect(hasCityWideScope([role])).toBe(role === 'supervisor');
  });
});

describe('organisation paths', () => {
  it('nests children inside their parent and nowhere else', () => {
    fc.assert(
      fc.property(fc.array(fc.uuid(), { minLength: 1, maxLength: 6 }), fc.uuid(), (chain, other) => {
        let path: string | null = null;
        for (const id of chain) path = childPath(path, id);
        const leaf = path as string;
        expect(depthOf(leaf)).toBe(chain.length - 1);
        let prefix: string | null = null;
        for (const id of chain) {
          prefix = childPath(prefix, id);
          expect(isWithin(leaf, prefix)).toBe(true);
        }
        if (!chain.includes(other)) expect(isWithin(leaf, childPath(null, other))).toBe(false);
      }),
    );
  });

  it('does not confuse an id with another that starts the same', () => {
    expect(isWithin(childPath(null, 'ab12'), childPath(null, 'ab1'))).toBe(false);
  });
});

describe('password policy', () => {
  it.each([
    ['short1', ['too_short']],
    ['onlyletters-long', ['needs_letter_and_digit']],
    ['1234567890', ['needs_letter_and_digit']],
    ['has-zhangsan-2026', ['contains_username']],
    ['Good-password-1', []],
  ])('%s → %j', (password, problems) => {
    expect(checkPassword(password, 'zhangsan')).toEqual(problems);
  });
});
