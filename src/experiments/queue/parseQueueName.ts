import { StampedeError } from "../../core/StampedeError.js";
import { QUEUE_NAME } from "./QueuedJob.js";

/**
 * The BullMQ queue name from `--queue-name` (default QUEUE_NAME, `stampede-jobs`): 1-100 letters, digits, `.`, `_`
 * or `-`, starting with a letter or digit (BullMQ keys are `bull:NAME:...`, so `:` is refused). Throws E_BAD_FLAG.
 */
export function parseQueueName(text: string | undefined): string {
  if (text === undefined) return QUEUE_NAME;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(text))
    throw new StampedeError(
      "E_BAD_FLAG",
      `expected 1-100 letters, digits, '.', '_' or '-' (starting with a letter or digit), got '${text}'`,
      { path: "--queue-name" },
    );
  return text;
}
