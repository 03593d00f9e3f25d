// The lines a set's page dumps share, as mine extract finds them in a folder (its template pass): shared by the
// training scripts that read pages as mine extract does.
import fs from 'node:fs';
import path from 'node:path';
import { longLineHashes, TemplateIndex } from '../dist/src/extract/templates.js';

/** A TemplateIndex of the page dumps (.txt) in `dir`: `templatesOf(file)` gives a page's site templates. */
export function folderTemplates(dir) {
  const templates = new TemplateIndex();
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const file = path.join(dir, name);
    templates.add(file, longLineHashes(fs.readFileSync(file, 'utf8')));
  }
  return templates;
}
