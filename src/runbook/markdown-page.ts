// The parts of a Markdown page the runbook parser reads: fenced code blocks (the mermaid gantt),
// ATX headings (one per task) and prose lines. Headings and prose inside code blocks are not prose:
// a `# comment` in a shell block must not open a task.

export interface PageLine {
  /** 1-based line in the file. */
  line: number;
  text: string;
}

export interface FencedBlock {
  /** Info string after the opening fence, e.g. "mermaid". */
  info: string;
  /** Line of the opening fence. */
  line: number;
  /** Lines between the fences. */
  body: PageLine[];
}

export interface Heading {
  level: number;
  text: string;
  line: number;
}

export interface MarkdownPage {
  blocks: FencedBlock[];
  headings: Heading[];
  /** Lines outside code blocks (headings included), in page order. */
  prose: PageLine[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`]*)$/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;

export function readMarkdownPage(markdown: string): MarkdownPage {
  const page: MarkdownPage = { blocks: [], headings: [], prose: [] };
  let open: { fence: string; block: FencedBlock } | undefined;
  markdown.split(/\r?\n/).forEach((text, index) => {
    const line = index + 1;
    if (open) {
      const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text);
      if (closing && closing[1]!.startsWith(open.fence)) open = undefined;
      else open.block.body.push({ line, text });
      return;
    }
    const fence = FENCE.exec(text);
    if (fence) {
      const block: FencedBlock = { info: fence[2]!.trim(), line, body: [] };
      page.blocks.push(block);
      open = { fence: fence[1]!, block };
      return;
    }
    page.prose.push({ line, text });
    const heading = HEADING.exec(text);
    if (heading) page.headings.push({ level: heading[1]!.length, text: heading[2]!, line });
  });
  return page;
}
