import { describe, expect, it } from 'vitest';
import { roles as shownBy } from '../../../ui/src/roles.js';
import { meetingReaders, programmeReaders, programmeWriters } from '../deps.js';

// The UI shows a tab, card or button only to the roles the API lets use it (issue 10: "Forbidden" cards on TVTO's
// working-group tab). Both read the same lists: this test fails the day one changes without the other.
describe('the roles the UI shows things to are the roles the API answers', () => {
  it('agrees on writers, meeting readers and programme readers', () => {
    expect([...shownBy.writers].sort()).toEqual([...programmeWriters].sort());
    expect([...shownBy.meetingReaders].sort()).toEqual([...meetingReaders].sort());
    expect([...shownBy.programmeReaders].sort()).toEqual([...programmeReaders].sort());
  });
});
