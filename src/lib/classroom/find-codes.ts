/**
 * Finds every submission code in text a teacher pastes from wherever the codes arrived — a chat
 * app, an LMS export, an e-mail — not only one code per line:
 *
 * ```text
 * 张三 10:02
 * NB1-WyJkZWdyYWRhdGlvbi1sYWIiLDEsImRlcHRoPTMyJndpZHRoPTMyJmJuPTEmb3B0aW1pemVyPWFkYW0m
 * bHI9MC4wMDEmc3RlcHM9NDAwJnNlZWQ9MSZ…。                       ← wrapped over two lines, a 。 after it
 * 李四的提交码：NB1-…                                            ← a name and a full-width colon before it
 * Name: Ada, code: NB1-…, NB1-…                                  ← two on one line
 * ```
 *
 * - a code starts at `NB<digits>-` (any case; full-width letters, digits and punctuation are read
 *   as their ASCII forms) and runs over the base64url alphabet `A–Z a–z 0–9 - _`; whatever follows
 *   (`。`, `.`, `)`, a space) ends it;
 * - a code that runs to the end of its line and does not read as a whole continues on the next
 *   lines made only of base64url characters: they are joined until the checksum holds (a code
 *   wrapped by an LMS or a narrow chat window), or all taken if it never does (then it is
 *   reported once, as damaged, not as pieces);
 * - the name is what stands before the code on its line, without labels like `提交码：` or
 *   `Name:`; or, for a code alone on its line, the sender of a chat header just above
 *   (`张三 10:02`, `Ada Lovelace 2025-03-01 10:02:33`).
 *
 * Reading each code (checksum, content) is `decodeSubmission`'s job. Pure; never throws.
 */
import { decodeSubmission } from './submission';

export interface FoundCode {
  /** The code as found, wrapped pieces joined, without whitespace. */
  code: string;
  /** 1-based line of the pasted text where the code starts. */
  line: number;
  /** How many lines it spans (2 or more when it was wrapped). */
  lines: number;
  /** The name written beside the code, or '' when none is readable. */
  name: string;
}

const b64 = /[A-Za-z0-9_-]/;
const prefix = /NB\d+-/gi;
/** A line that is nothing but a piece of a code (what a wrapped code's next line looks like). */
const pieceOnly = /^[A-Za-z0-9_-]+$/;
/** A piece that ends the code, followed by punctuation (`…xyz。`, `…xyz).`). */
const lastPiece = /^([A-Za-z0-9_-]+)[^A-Za-z0-9_\-\s][^A-Za-z0-9_-]*$/;

/** Labels people write before a code, and separators, at the end of the text before it. */
const trailingLabel =
  /(?:\s|[,，;；:：、|/\-–—=>→])*(?:的|['’]s\s*)?(?:(?:submission|my|the)\s+)*(?:提交码|提交碼|提交代码|代码|验证码|作业码|code|codes)?(?:\s*(?:is|是|为|為))?(?:\s|[,，;；:：、|/\-–—=>→])*$/i;
/** Labels people write before a name. */
const leadingLabel = /^(?:\s|[-*•·>]|\d+[.)、]|\(\d+\))*(?:(?:student|name|from|姓名|学生|名字|同学)\s*[:：]?\s*)?/i;
/** A chat header: a sender, then a time (and maybe a date before it). */
const chatHeader = /^\s*(.{1,40}?)\s*[(（[]?\s*(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*)?(?:上午|下午|[AP]M\s*)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*[)）\]]?\s*[:：]?\s*$/i;

/** Words that are never a student's name in front of a code. */
const notNames = /\b(here|is|are|my|mine|this|the|please|below|attached|hi|hello|dear|thanks|code|codes)\b/i;

/** Full-width forms (`ＮＢ１－`, `：`) as ASCII, leaving CJK text as it is. Keeps the length per character. */
function ascii(line: string): string {
  return line.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** A name from the text before a code, or '' if what is there is not a name. */
function nameBefore(before: string): string {
  let name = before.replace(trailingLabel, '').replace(leadingLabel, '').trim();
  name = name.replace(/^[\s"'“”‘’「」『』【】《》()（）]+|[\s"'“”‘’「」『』【】《》()（）,，:：]+$/g, '');
  // A sentence ("here is my code", "这是我的提交码") is not a name.
  if (!name || name.length > 30 || name.split(/\s+/).length > 4 || /[。！？!?]/.test(name)) return '';
  if (notNames.test(name) || /我|这是|这个|以下|如下|请查收/.test(name)) return '';
  return name;
}

function nameAbove(line: string | undefined): string {
  if (line === undefined || /NB\d+-/i.test(line)) return '';
  const header = chatHeader.exec(line);
  if (header) return nameBefore(header[1]!);
  // A name alone on the line above, ending in a colon: `张三：`.
  const alone = /^\s*([^:：]{1,30})[:：]\s*$/.exec(line);
  return alone ? nameBefore(alone[1]!) : '';
}

const readable = (code: string) => decodeSubmission(code).ok;

/** Every code in `text`, in order of appearance (duplicates included). */
export function findCodes(text: string): FoundCode[] {
  const lines = text.split(/\r\n|\r|\n/);
  const norm = lines.map(ascii);
  const out: FoundCode[] = [];
  for (let i = 0; i < norm.length; i++) {
    const line = norm[i]!;
    // A line joined into a code found above has been consumed; skip those.
    if (out.length && out.at(-1)!.line - 1 + out.at(-1)!.lines - 1 >= i) continue;
    prefix.lastIndex = 0;
    let m: RegExpExecArray | null;
    let lastEnd = 0;
    while ((m = prefix.exec(line))) {
      let end = m.index + m[0].length;
      while (end < line.length && b64.test(line[end]!)) end++;
      let code = line.slice(m.index, end);
      // Two codes glued together (`NB1-…NB1-…`): split at the second prefix, unless the whole reads.
      const inner = /NB\d+-/i.exec(code.slice(m[0].length));
      if (inner && !readable(code)) {
        end = m.index + m[0].length + inner.index;
        code = line.slice(m.index, end);
      }
      prefix.lastIndex = end;
      let span = 1;
      if (line.slice(end).trim() === '' && !readable(code)) {
        // Wrapped: join the following lines that are only code characters, until it reads.
        const pieces: string[] = [];
        let read: string | undefined;
        for (let j = i + 1; j < norm.length && pieces.length < 40; j++) {
          const next = norm[j]!.trim();
          if (/NB\d+-/i.test(next)) break;
          const piece = pieceOnly.test(next) ? next : lastPiece.exec(next)?.[1];
          if (!piece) break;
          pieces.push(piece);
          if (readable(code + pieces.join(''))) {
            read = code + pieces.join('');
            break;
          }
          if (piece !== next) break; // punctuation after it: the code ends here
        }
        if (read) [code, span] = [read, pieces.length + 1];
        else {
          // Damaged as well as wrapped: take the lines that look like pieces of a code (long runs
          // of code characters, not a word like “Thanks”), so it is reported once.
          let n = 0;
          while (n < pieces.length && pieces[n]!.length >= 16) n++;
          if (n) [code, span] = [code + pieces.slice(0, n).join(''), n + 1];
        }
      }
      if (!readable(code)) {
        // `_NB1-…_` (emphasis in a chat app) or a dash after the code: drop trailing - and _.
        const trimmed = code.replace(/[-_]+$/, '');
        if (trimmed !== code && readable(trimmed)) code = trimmed;
      }
      const name = nameBefore(lines[i]!.slice(lastEnd, m.index)) || (lastEnd === 0 && lines[i]!.slice(0, m.index).trim() === '' ? nameAbove(lines[i - 1]) : '');
      out.push({ code, line: i + 1, lines: span, name });
      lastEnd = end;
    }
  }
  return out;
}
