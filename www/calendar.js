// 「カレンダーに追加」: an iCalendar file with the window's last day and a
// reminder the day before to check for an extension. Made here, in the page;
// nothing is sent anywhere.

/** RFC 5545 text value */
const escape = (s) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** Fold a content line at 75 octets (UTF-8), never inside a character */
function fold(line) {
  const out = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    if (bytes + n > (out.length ? 74 : 75)) { out.push(cur); cur = ''; bytes = 0; }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const compact = (iso) => iso.replaceAll('-', '');
const nextDay = (iso) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The .ics text for a verdict with a window (`stamp`: now, as a Date) */
export function icsFor(v, pageUrl, stamp) {
  const w = v.window;
  const m = v.municipality;
  const d = v.disasters[0];
  const n = d?.notices.at(-1);
  const until = `${w.untilWareki}${w.untilTime ? ` ${w.untilTime}` : ''}まで${w.provisional ? '（予定）' : ''}`;
  const description = [
    `${m.fullName}の災害時モード（緊急時医療情報・資格確認機能）は${until}です。`,
    '延長の通知が出ていないか確認してください。',
    d ? `災害: ${d.name}` : '',
    n ? `通知: ${n.label}（${n.issued}発出）${n.title}` : '',
    `確認したページ: ${pageUrl}`,
  ].filter(Boolean).join('\n');
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//saigai-mode//災害時モード判定//JA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${m.code}-${compact(w.until)}-${d ? d.id : 'window'}@saigai-mode`,
    `DTSTAMP:${stamp.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}`,
    `DTSTART;VALUE=DATE:${compact(w.until)}`,
    `DTEND;VALUE=DATE:${compact(nextDay(w.until))}`,
    `SUMMARY:${escape(`災害時モード最終日（${m.fullName}）`)}`,
    `DESCRIPTION:${escape(description)}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-P1D',
    `DESCRIPTION:${escape(`明日（${w.untilWareki}）は${m.fullName}の災害時モードの最終日です。延長の通知を確認してください。`)}`,
    'END:VALARM',
    'END:VEVENT', 'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** Offer the file for download */
export function downloadIcs(v, pageUrl) {
  const blob = new Blob([icsFor(v, pageUrl, new Date())], { type: 'text/calendar;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `saigai-mode-${v.municipality.code}-${v.window.until}.ics`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
