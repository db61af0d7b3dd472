// The Staff page (/studio/staff, owners and secret keys): the organisation's members with a role
// select and a Remove button that asks first, and a form that adds an existing user by email.
// Users themselves are created by the installation's operator (`parterre user create`); the
// engine's refusals (unknown email, a member already, the last owner) are shown in its words.
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import {
  addMember,
  changeMemberRole,
  listMembers,
  removeMember,
  STAFF_ROLES,
  type MemberView,
  type StaffRole,
} from '../api/members-api.ts';
import { Message, useAction } from '../channels/use-action.tsx';
import { formatDateTime } from '../shell/format.ts';
import { Empty, ErrorState, Loading } from '../shell/PageState.tsx';
import { useLoad } from '../shell/use-load.ts';

const ROLE_LABELS: Record<StaffRole, string> = {
  owner: 'Owner',
  designer: 'Designer',
  boxoffice: 'Box office',
  viewer: 'Viewer',
};

interface Props {
  readonly api: ApiClient;
  /** The signed-in user (null with an API key): its row says "you". */
  readonly selfId: string | null;
  /** Called once the signed-in user removed themselves: their session here has ended. */
  readonly onLeft: () => void;
}

function RoleSelect(props: {
  member: MemberView;
  disabled: boolean;
  onChange: (role: StaffRole) => void;
}) {
  const { member } = props;
  return (
    <select
      aria-label={`Role of ${member.name || member.email}`}
      value={member.role}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value as StaffRole)}
    >
      {STAFF_ROLES.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r]}
        </option>
      ))}
    </select>
  );
}

export function StaffScreen({ api, selfId, onLeft }: Props) {
  const members = useLoad(() => listMembers(api), [api]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('viewer');
  const action = useAction((err) => (err as Error).message);

  const add = async () => {
    if (!email.trim()) return action.fail('Type the email of the person to add.');
    const ok = await action.run(async () => {
      const m = await addMember(api, { email: email.trim(), role });
      return `Added ${m.email} as ${ROLE_LABELS[m.role]}.`;
    });
    if (ok) setEmail('');
    members.reload();
  };

  const change = async (member: MemberView, next: StaffRole) => {
    await action.run(async () => {
      const m = await changeMemberRole(api, member.userId, next);
      return `${m.email} is now ${ROLE_LABELS[m.role]}.`;
    });
    members.reload();
  };

  const remove = async (member: MemberView) => {
    const self = member.userId === selfId;
    const question = self
      ? 'Remove yourself from this organisation? You are signed out of it at once.'
      : `Remove ${member.email}? Their sessions end at once and the door keys they made stop working.`;
    if (!window.confirm(question)) return;
    const ok = await action.run(async () => {
      const done = await removeMember(api, member.userId);
      const keys = done.revokedDoorKeys.length;
      return `Removed ${member.email}${keys ? `; revoked ${keys} door key${keys === 1 ? '' : 's'}` : ''}.`;
    });
    // Removed themselves: the session here is gone, so reloading would only fail; sign out.
    if (ok && self) return onLeft();
    members.reload();
  };

  let list;
  if (members.loading && !members.data) {
    list = <Loading what="Loading staff…" />;
  } else if (members.error) {
    list = <ErrorState message={members.error} onRetry={members.reload} />;
  } else if (!members.data?.length) {
    list = <Empty>No members yet. Add one by email above.</Empty>;
  } else {
    list = (
      <table className="data-table" aria-label="Members">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Since</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.data.map((m) => (
            <tr key={m.userId}>
              <td>
                {m.name}
                {m.userId === selfId && <span className="muted"> (you)</span>}
              </td>
              <td>{m.email}</td>
              <td>
                <RoleSelect member={m} disabled={action.busy} onChange={(r) => void change(m, r)} />
              </td>
              <td>{formatDateTime(m.since)}</td>
              <td>
                <button
                  type="button"
                  aria-label={`Remove ${m.name || m.email}`}
                  disabled={action.busy}
                  onClick={() => void remove(m)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  return (
    <div className="page staff-page">
      <header className="page-head">
        <h1>Staff</h1>
      </header>
      <form
        className="inline-form"
        aria-label="Add a member"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label htmlFor="member-email">Add by email</label>
        <input
          id="member-email"
          type="email"
          value={email}
          placeholder="name@venue.example"
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor="member-role">Role</label>
        <select
          id="member-role"
          value={role}
          onChange={(e) => setRole(e.target.value as StaffRole)}
        >
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <button type="submit" className="primary" disabled={action.busy}>
          Add member
        </button>
      </form>
      <p className="muted">
        People need an account first: the installation&apos;s operator creates it with{' '}
        <code>parterre user create</code>.
      </p>
      <Message message={action.message} />
      {list}
    </div>
  );
}
