// Durations written as the runbook page writes them: gantt "5m", "20m", "1h"; prose "~ 5 minutes",
// "~ 1 heure", total "~ 3 heures 30 minutes". A proposed duration is rounded up, never down (a
// recovery plan that underestimates is the failure it exists to avoid): to the minute under an
// hour, to the quarter hour from an hour.

const MINUTE = 60;
const HOUR = 3_600;
const QUARTER_HOUR = 900;

export function roundRunbookSeconds(seconds: number): number {
  if (seconds <= MINUTE) return MINUTE;
  if (seconds <= HOUR) return Math.ceil(seconds / MINUTE) * MINUTE;
  return Math.ceil(seconds / QUARTER_HOUR) * QUARTER_HOUR;
}

/** Gantt duration of already rounded seconds: "1h" for whole hours, else minutes ("6m", "75m"). */
export function formatGanttDuration(seconds: number): string {
  return seconds % HOUR === 0 ? `${seconds / HOUR}h` : `${Math.round(seconds / MINUTE)}m`;
}

/** French duration of already rounded seconds: "5 minutes", "1 heure", "3 heures 30 minutes". */
export function formatFrenchDuration(seconds: number): string {
  const hours = Math.floor(seconds / HOUR);
  const minutes = Math.round((seconds - hours * HOUR) / MINUTE);
  const parts = [
    hours > 0 ? `${hours} ${hours > 1 ? 'heures' : 'heure'}` : '',
    minutes > 0 ? `${minutes} ${minutes > 1 ? 'minutes' : 'minute'}` : '',
  ].filter((part) => part !== '');
  return parts.join(' ');
}
