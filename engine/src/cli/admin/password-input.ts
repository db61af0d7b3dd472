// Reading a new password for a CLI command: from PARTERRE_PASSWORD (scripts, CI) or typed on a
// terminal without echo, twice. Never from argv, where it would end up in shell history and in
// every `ps` listing.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { usageError } from '../errors.ts';

/** Asks `question` on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  process.stderr.write(question);
  let muted = true;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      muted = false;
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/**
 * The new password: PARTERRE_PASSWORD when set, else asked twice on a terminal.
 * @throws CliError (usage) when neither is available or the two entries differ.
 */
export async function readNewPassword(email: string): Promise<string> {
  const fromEnv = process.env.PARTERRE_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw usageError(
      'no password: set PARTERRE_PASSWORD or run on a terminal to type it (it is never read from the command line)',
    );
  }
  const first = await askHidden(`Password for ${email}: `);
  const again = await askHidden('Repeat the password: ');
  if (first !== again) throw usageError('the two passwords differ; nothing was created');
  return first;
}
