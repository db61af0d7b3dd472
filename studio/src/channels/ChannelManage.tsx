// A channel's heading with its two management commands: rename (an inline form, Enter saves,
// Escape cancels) and delete (asks first, inline; the engine refuses while bookings through the
// channel are live, and its words are shown). Focus moves into whatever opens and back to the
// button that opened it, so both work from the keyboard alone.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiClient } from '../api/client.ts';
import { deleteChannel, renameChannel, type ChannelView } from '../api/channels-api.ts';
import { channelProblem, deletedWords, renameInput } from './channel-form.ts';
import { Message, useAction } from './use-action.tsx';

interface Props {
  readonly api: ApiClient;
  readonly eventId: string;
  readonly channel: ChannelView;
  /** Id of the heading that names the card (the card is labelled by it). */
  readonly headingId: string;
  readonly kindLabel: string;
  readonly onChanged: () => void;
  /** After a delete the card goes: the page shows this message instead. */
  readonly onDeleted: (message: string) => void;
}

type Mode = 'idle' | 'renaming' | 'confirming';

export function ChannelManage(props: Props) {
  const { api, eventId, channel, headingId, kindLabel, onChanged, onDeleted } = props;
  const [mode, setMode] = useState<Mode>('idle');
  const [name, setName] = useState(channel.name);
  const action = useAction(channelProblem);
  const nameInput = useRef<HTMLInputElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const opened = useRef<Mode>('idle');

  useEffect(() => {
    if (mode === 'renaming') nameInput.current?.select();
    if (mode === 'confirming') keepButton.current?.focus();
    // Back to the button that opened the form or question.
    if (mode === 'idle' && opened.current === 'renaming') renameButton.current?.focus();
    if (mode === 'idle' && opened.current === 'confirming') deleteButton.current?.focus();
    opened.current = mode;
  }, [mode]);

  const close = () => setMode('idle');
  const onEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !action.busy) {
      e.preventDefault();
      close();
    }
  };

  const rename = async () => {
    const checked = renameInput(name);
    if ('problem' in checked) return action.fail(checked.problem);
    if (checked.name === channel.name) return close();
    const ok = await action.run(async () => {
      const c = await renameChannel(api, eventId, channel.id, checked.name);
      return `Renamed to ${c.name}.`;
    });
    if (ok) {
      close();
      onChanged();
    }
  };

  const remove = async () => {
    // The card goes with the channel: the page shows what went back.
    const ok = await action.run(async () => {
      const d = await deleteChannel(api, eventId, channel.id);
      onDeleted(deletedWords(channel.name, d.released));
      return null;
    });
    if (!ok) {
      close();
      // Refused: what the card shows may be stale (a sale or allocation made elsewhere).
      onChanged();
    }
  };

  return (
    <>
      <div className="channel-head">
        <h3 id={headingId}>
          {channel.name} <span className="muted">({kindLabel})</span>
        </h3>
        {mode === 'idle' && (
          <span className="form-actions">
            <button
              ref={renameButton}
              type="button"
              disabled={action.busy}
              aria-label={`Rename ${channel.name}`}
              onClick={() => {
                setName(channel.name);
                setMode('renaming');
              }}
            >
              Rename
            </button>
            <button
              ref={deleteButton}
              type="button"
              className="danger"
              disabled={action.busy}
              aria-label={`Delete ${channel.name}`}
              onClick={() => setMode('confirming')}
            >
              Delete
            </button>
          </span>
        )}
      </div>
      {mode === 'renaming' && (
        <form
          className="form-grid"
          aria-label={`Rename ${channel.name}`}
          aria-busy={action.busy}
          onKeyDown={onEscape}
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
        >
          <div className="field">
            <label htmlFor={`${headingId}-rename`}>New name</label>
            <input
              ref={nameInput}
              id={`${headingId}-rename`}
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={action.busy}>
              {action.busy ? 'Saving…' : 'Save name'}
            </button>
            <button type="button" disabled={action.busy} onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {mode === 'confirming' && (
        <div
          className="confirm"
          role="group"
          aria-label={`Delete ${channel.name}?`}
          aria-busy={action.busy}
          onKeyDown={onEscape}
        >
          <p>
            Delete {channel.name}? What it holds goes back to the general sale. A channel with live
            bookings cannot be deleted.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="danger"
              disabled={action.busy}
              onClick={() => void remove()}
            >
              {action.busy ? 'Deleting…' : `Delete ${channel.name}`}
            </button>
            <button ref={keepButton} type="button" disabled={action.busy} onClick={close}>
              Keep it
            </button>
          </div>
        </div>
      )}
      <Message message={action.message} />
    </>
  );
}
