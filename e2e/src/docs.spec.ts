import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@parley/testing';

const DOCS = ['README.md', 'libs/client/README.md', ...fs.readdirSync(path.join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** GitHub's anchor for a heading. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-');

/** The README is the five-minute tour; docs/ is the reference, and the protocol's source is docs/api.md. */
describe('the docs', () => {
  it('README.md stays a five-minute read: at most 6 KB', () => {
    expect(fs.statSync(path.join(REPO_ROOT, 'README.md')).size).toBeLessThanOrEqual(6 * 1024);
  });

  it('link only to files and headings the repository holds', () => {
    const broken: string[] = [];
    for (const doc of DOCS) {
      const text = fs.readFileSync(path.join(REPO_ROOT, doc), 'utf8');
      for (const [, link] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(link)) continue;
        const [file, anchor] = link.split('#');
        const target = file ? path.join(REPO_ROOT, path.dirname(doc), file) : path.join(REPO_ROOT, doc);
        if (!fs.existsSync(target)) broken.push(`${doc}: ${link} (no such file)`);
        else if (anchor && target.endsWith('.md')) {
          const headings = [...fs.readFileSync(target, 'utf8').matchAll(/^#+ (.*)$/gm)].map(([, heading]) => anchorOf(heading));
          if (!headings.includes(anchor)) broken.push(`${doc}: ${link} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('cite docs/api.md for the protocol, never a document outside the repository', () => {
    const outside = DOCS.filter((doc) => /\bthe seed\b|seed's|seed document|shared\/seed/i.test(fs.readFileSync(path.join(REPO_ROOT, doc), 'utf8')));
    expect(outside).toEqual([]);
  });
});
