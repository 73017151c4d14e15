"""Drafting a decision tree from any article's text, so every article can be walked.

`draft_tree(article)` reads the article's sections and returns the tree as a plain,
YAML-ready dict (the format of docs/trees.md, marked `draft: true`):

* the symptom from the section with the symptom role (else SUMMARY's first paragraph,
  else the title), confirmed first by a question (several messages: "Which of these do
  you see?"); the cause from CAUSE as an info step, or "Which cause applies?" when it
  offers alternatives;
* one mitigation (outcome) per alternative: `Method N` headings, lists joined by
  `-or-`, lists after "one of the following", RESOLUTION and WORKAROUND as options of
  their own, a STATUS "fixed in ..." note as the option `upgrade`, and advice in
  SUMMARY or MORE INFORMATION ("administrators ... should", "To work around this ...");
* Markdown articles whose fix has commands or sub-headings are read from the block tree
  (`blocks`): one option per alternative sub-heading, commands joined to their action,
  notes as detail, a runbook's Diagnosis steps first;
* numbered procedures become checklist items in order; everything cites its section;
* literal parameters (times, drive letters, paths, file names, counts of backups or
  copies) become typed inputs asked before the outcome, defaulting to the literal,
  and the items use them; placeholders (`<name>`, `{Name}`, `YourServer`, `x:` "where x
  is the drive") are asked without a default and substituted into the command.

`draft_yaml` emits the dict with every string double-quoted (no YAML 1.1 traps, no
` #` comments cutting text short), and `draft_tree_model` reads that text back through
the real loader and lint, so what is walked is exactly what would be written
(`yaml_emit` writes the text and makes the nodes libyaml's parser would compose from it
in one pass, so the text need not be parsed again).

Pure functions: no files, no index. Heuristics only; the header of the file says so.

Article mining, not tree logic: `text` reads paragraphs, sentences and literal
parameters; `symptoms` finds the symptom and its alternative messages; `options` the
cause and the mitigations of an article (`blocks` reads them from a Markdown article's
block tree); `tree` turns them into a tree dict, its YAML, and the Tree the real loader reads back.
`modern` and `modern_plan` correct what a Markdown article's markup hides (runbooks, MS
support pages): plain text, causes in Meaning or Status, deprecated and redirect runbooks,
cases per cause, version or symptom, helper pages; MS KB articles never pass through them.
"""
