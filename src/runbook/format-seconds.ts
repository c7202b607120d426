// Durations for people, zero parts left out: 12600 → "3 h 30 min", 300 → "5 min", 45 → "45 s".

export function formatSeconds(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.round(Math.abs(seconds));
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  rest -= minutes * 60;
  const parts = [hours && `${hours} h`, minutes && `${minutes} min`, rest && `${rest} s`].filter(Boolean);
  return sign + (parts.length > 0 ? parts.join(' ') : '0 s');
}
