"""How good are drafted walks? Draft, lint and walk every article of three corpora. By hand.

    python bench/bench_draft.py [--corpus archive|runbooks|mssupport|all] [--limit N]
                                [--every N] [--procs N] [--json OUT] [--work DIR] [--show N]
                                [--force]

Corpora (../shared/corpus, unpacked once into --work, default /tmp/draftbench, never into
the repo): `archive` = mskb-archive (kb/, 60,335 MS KB articles), `runbooks` = runbooks/
(OpenShift and prometheus-operator alert runbooks; Hugo `_index.md` section pages and
SOURCE.md left out: 380 runbooks), `mssupport` = ms-support/ (120 modern Microsoft
support articles; SOURCE.md left out). Files in sorted path order; `--every N` takes
every N-th of each corpus (a slice across the whole archive, old and new articles
alike), `--limit N` the first N (of those). `--procs N` (default 2) spreads the work
over N processes (multiprocessing, chunks of 64) for any corpus of more than 500 files:
the archive.

Each article is measured by bench/draft_metrics.py: parsed (`load_article`), drafted
(`draft_tree` + `draft_yaml`, the file `kbassist draft` writes), read back by the real
tree loader and linted with its citations checked against the article (what `kbassist
trees lint` does), then walked with the real engine: every choice of every question, the
default (else a sample value) at every input, up to 64 walks; each finished walk's real
checklist (`build_checklist`) is what the step metrics read.

The metrics, per corpus (bench/README.md says the same; change both together):

- **articles**: files parsed as articles (a skipped file is not one).
- **drafts**: articles the drafter drafted (it declines only an article with no text).
- **lint pass**: drafts whose file has no problem at all under load + lint, / drafts.
- **exceptions**: articles where parsing, drafting, loading, linting or walking raised
  anything but the two expected refusals (not an article; no text). The first --show
  are printed with their ids and a one-line error.
- **wall time**: the whole pass over the corpus (metrics included); beside it the
  drafting part alone (parse + draft + load + lint, summed over the articles / procs:
  issue 13's target is read on this), and per article, median and 99th percentile.
- **walks with a question**: lint-clean drafts where at least one walk passes a question
  node (a choice the admin makes), / lint-clean drafts. (All walks share their steps up
  to the first question, so this is also the share of walks.)
- **placeholders used**: placeholder-in-command pairs of the article (found by
  `draft_placeholders.command_placeholders`, from the article alone) for which some
  walk's checklist item carries an input's answer right beside (at most quotes or
  spaces between) a word that neighbours the placeholder in the command, / all such
  pairs in lint-clean drafts. Commands: a
  fenced-code line or an inline code span with a space (Markdown); in plain text an
  indented paragraph, a quoted string, or text within 60 characters after type / run /
  enter / execute / command / prompt / syntax, never within 80 after error / warning /
  fatal / message. Placeholders: `<name>` (not an HTML tag, an XML element closed in the
  section, a key or output such as `<ENTER>` `<DIR>` `<none>`, `#include <stdio.h>`, a
  C++ template argument), `{Name}` (with a capital or `_`; not `${x}`, `{{x}}`, a GUID),
  `YourServer` / `your_domain` / `servername`-like words, in Markdown code also
  `MyServer` / `my-namespace`, and a token the article explains ("where x is the drive",
  "replace NAME with"; a one-letter token only as a drive `x:`). The explanation itself
  is not a use. A sample log line in a listing is no command, a `MyServer`-like name the
  article sets (`MYPOD=...`) no placeholder; a placeholder next to another is used when
  an answer stands beside it. Measured by answering every input on a walk with a
  sentinel and reading the outcome's items (steps, verify, rollback). Round 10: a message
  under a lead that names it ("one of the following messages", no colon needed) and an
  explained word in its own "where x is ..." sentence are left out and counted apart
  ("not counted: in messages / explanations"); a bare `servername` beside a filled-in
  share counts. Round 13: keys (`<Ctrl-C>`, SendKeys' `{INS}`), the archive's written-out
  `<A0>`, a listing's `<blank>` / `<not available>` and a C++ header alone on a line
  (`<algorithm>`) are no placeholders; a neighbour that is a placeholder of several words
  (`<Computer Name>` beside `<Printer Share Name>` in a share path) or an explained
  `[name]` is one word, matched filled in or as written; in MS KB SYMPTOMS and CAUSE an
  indented listing that no lead says to type or run is shown text (counted apart with
  the messages). Round 23: FoxPro's `REPLACE field WITH expr` in capitals explains no
  token; a line opening with a placeholder that says what it is ("<domain> Specifies
  ...", "- <path> is the path to ...") is its explanation, counted apart. Round 25: a code line
  that is one quoted string of words (a printed message) is no command.
- **action steps**: checklist steps (the "Checklist" part of each outcome, once per
  outcome; pointers such as "Read the article" left out) whose first word, after a list
  marker, a filler ("Then", "Optionally,") and one lead-in clause ending in a comma or
  colon ("If you use NTFS, ..."), is an imperative verb from `draft_metrics.ACTION_VERBS`
  (about 220 verbs; `re`/`un` + verb and `*-click` count; "Do not X" counts when X does;
  a line starting with a shell prompt counts), / all such steps.
- **labels cut**: choice labels (questions and choice inputs) holding "[...]", ending in
  an ellipsis the article does not have there, or ending mid-word (the label is found in
  the article only where a letter or digit follows it), / all choice labels.
- **labels cut mid-phrase**: choice labels of three words or more, not cut mid-word,
  that a reader sees cut (round 32): ending on a word no phrase ends on (an article or
  possessive, a preposition, a conjunction, "as", "than", "rather", "like", a dangling
  "that"/"which"; not when the article has the label as a whole sentence or a link's
  text: "… may not be logged on to."), inside an open "(", or that the article,
  everywhere it has them, goes on inside the label's phrase: the head of a noun phrase
  opened in its last three words ("… on the print" + " queue"), what its last verb
  needs ("… does not attempt" + " to restore", "… indicates" + " that"), a comparison's
  or pair's second half ("… rather" + " than", "both the Standard" + " and"), a verb's
  object ("… or uncompress" + " a drive"), a bare subject's predicate ("… the domain
  account" + " is locked out"), more items of a list it opened ("tiles like Alarm" +
  ", Calculator, and Edge"). A label ending where its clause or sentence ends (a scene
  clause before its comma included) or before "and", "that" or a preposition is not
  counted, / all choice labels.
- **questions with labels alike**: questions two of whose choices read alike: the same
  label but for the drafter's "(2)", the same message after different headings but cut
  where its clause goes on ("Named Pipes > A connection was successfully established
  with the server" and "TCP > " the same), or one label the other's start and cut as
  above (`draft_metrics.labels_alike`), / all questions.
- **titles cut mid-phrase**: outcome titles (not "This article may not apply") that,
  after a section prefix ("Resolution: ", "Method 2: "), are cut as labels cut
  mid-phrase are, or end on a pointer at what follows ("... the following", "these
  steps") or on a link's "]" (`draft_metrics.title_cut_phrase`), / all such titles.
- **labels and titles: bare kind, lead-in, 'the following'** (round 40, labels40): choice
  labels and outcome titles that say no action: a bare section kind ("Resolution",
  "Mitigation"), a lead-in after a "Resolution: " prefix ("To resolve this problem,", "Use
  one of the following methods", "Do the following"), or ending on "the following X" /
  "this update" whose object is below (`draft_metrics.label_says_no_action`), / all labels
  and titles.
- **labels and titles ending open** (round 35, titles35): choice labels and outcome
  titles (after a "Resolution: " prefix) found in the article where their sentence goes
  on, that end on an article, a preposition, a conjunction, "how" or "whether", on a
  drive letter whose ":" was cut, a word or two past "or"/"and" where the name goes on,
  inside a quote, or on a bare subject whose verb follows
  (`open_ends.label_ends_open`), / all labels and titles.
- **labels not naming the fix** (round 23, labels23): fix labels (each fix outcome's
  title and each choice of a "mitigation" question, once per draft) that open with a
  reason or concession ("Even though ...", "Because ..."), that are only a case the
  article goes on after with its comma ("When a new server, Server B"), that are their
  fix's first UI step when it only gets somewhere ("On the startup screen, click Game
  Options", "Click Start"), a bare line to type ("ODBCINT.DLL = ODBCINT.DLL"), point
  at what they do not say ("Configure the following policy to X"), count steps
  ("Resolution (5 steps)") or keep a horizon ("Long term: ...")
  (`draft_metrics.title_not_action`), / all fix labels.
- **lead-in steps**: checklist steps (as for action steps) that only announce others:
  "Use the information in the following paragraphs ...", "Use the following steps to
  ...", "To resolve this problem:", or any step ending in a colon with nothing shown
  under it (its list became steps of their own), / all such steps.
- **fixes that only obtain**: fix outcomes (not "This article may not apply" or "Read
  the article"; once per outcome, pointers left out) whose every checklist step only
  gets an update ("Obtain the latest service pack for X", "Contact Microsoft Product
  Support Services to obtain the fix", "Contact Iomega for an updated version of X") and
  none installs, applies, runs, uses it or restarts (`draft_metrics.obtain_only`), / fix
  outcomes with checklist steps. Round 13.
- **fixes that only escalate**: fix outcomes (as for fixes that only obtain) whose every
  tick only escalates ("Escalate if the steps above did not clear the alert: ... open a
  support case") while the title reads as a fix ("Mitigation"), not as the escalation or
  the missing fix it is (`draft_metrics.escalate_only`), / fix outcomes with checklist
  steps. Round 14 (cause14).
- **cause repeating the symptom** (round 15, rbfix15): drafts whose cause says only
  sentences the symptom shows already (most often the alert's "This alert fires when ..."
  condition), where "X gives no cause." is the honest reading / drafts; **symptom holding
  a cause**: drafts whose symptom has a sentence that reads what fired ("This usually
  indicates X", "This means that X"; not "This means the alert fires if ...") / drafts
  (`draft_metrics.cause_mixed`).
- **drafts that give no cause** (round 17, mscause17): drafts whose cause line is "X
  gives no cause." / drafts; **symptom or cause about the article**: drafts whose
  symptom or cause opens with a sentence about the article or the reader's task ("This
  article discusses the cause and some possible resolutions ...", "When troubleshooting
  basic Start issues, ...") / drafts (`draft_metrics.about_article`).
- **no cause though the article states one** (round 26, causes26): drafts whose cause
  line gives no cause (or only an alert's condition) while a telling section (symptoms,
  summary, more information, meaning, impact, overview) has a sentence that states why:
  "This occurs if X", "This problem only happens when X", "This is due to X", "The reason
  is X" (not a negation, a lead over a list, a pointer) / drafts
  (`draft_metrics.stated_not_given`).
- **outcome, example, more-help, 'as follows' steps** (round 30): checklist steps that
  are a result of the steps ("After following these steps, X should ..."), an example
  ("For example, type ..."), a pointer to more help ("For further assistance ..., refer
  to ...") or announce the steps after them ("..., as follows.") (`tick_kinds.ticked_kind`);
  **conditional actions left in a note**: steps whose note opens with "If you are
  prompted ..., click Yes." (`tick_kinds.prompted_action`); / all such steps.
- **effect, meaning, explanation steps** (round 35): checklist steps that say what the
  steps lead to ("..., the problem should be resolved."), what a finding means ("If X,
  it probably means that Y.") or only explain ("You can't correct the problem with the
  image. ...") (`effect_ticks.ticked_explanation`) / all such steps.
- **read-more steps**: checklist steps (as for action steps) that only say where to
  read more ("Further info on etcd best practices can be found in the OpenShift docs
  here.", "For more detailed information ..., see ...", "Related Links") and do not
  start with an action verb (`draft_metrics.read_more_step`), / all such steps.
- **link, question, quote steps**: checklist steps (as for action steps) that are no
  action at all: a link's label ("See Quotas" over its address), a pointer over links
  ("For mitigation strategies and solutions, refer to:"), a question ("Maybe it's some
  dependency of the APIServer? etcd?"), raw Markdown ("> Before you ...") or a code
  listing's caption ("The following is a code segment of ...:")
  (`draft_metrics.non_step`), / all such steps.
- **statement, note, pointer steps**: checklist steps (as for action steps) that ask
  nothing of the reader: no imperative first, no "you must/can", "please", "make
  sure", not a case ("If X, ..."), ending in a period ("Other causes of this error
  message include file permissions.", "At this point, each X should have ..."), or
  "Example:", "Note the X ...", "For instructions ..., please see the printed
  documentation ..." (`draft_metrics.statement_step`), / all such steps.
- **option label count differs from its checklist** (round 29, stepcount29): outcomes
  titled with a step count ("Method 2 (1 step)") where some walk's checklist ticks
  another number of steps (`draft_metrics.count_labels_wrong`), / outcomes titled with a
  count.
- **two actions in one step**: checklist steps that start with an action and go on
  with another after it is done ("Reapply Service Pack 2. When you are done, delete
  ...", "... Then, click OK.") (`draft_metrics.two_action_step`), / all such steps.
- **several actions in one step** (round 23, steps23): checklist steps (as for action
  steps) whose text, after the drafter's own label ("Last resort: ", "Install the update
  that fixes it: ", "Confirm the cause first: "), holds two or more imperative sentences
  or clauses: each sentence, and each part of a sentence cut at "; ", ", and then ",
  ", then ", that opens as an action step does ("Back up disks A and B. Boot from Disk
  A.", "Click Start, and then click Run.", "X; Y") (`draft_metrics.multi_action_step`),
  / all such steps; "in two or more sentences" counts those with two imperative
  sentences (the rest are one sentence's clauses, MS KB's "Click X, and then click Y").
  **steps that are not actions**: checklist steps whose text, after the drafter's label,
  does not open as an action step does (a statement, a note, a bare key path, "If you
  receive a response, ..." with no action, "You must X"); the drafter's own whole
  actions over article text ("Tell the user what the article says here; ...", "Check
  whether this applies here and remove it: ...", "Escalate ...") are actions
  (`draft_metrics.not_action_step`), / all such steps.
- **notes glued onto steps**: checklist steps (as for action steps) that go on after
  their first sentence with a note, another tool or a default ("... . You can also use
  Network Monitor to perform a trace.", "... . Note: By default a 64-bit application
  ...", "... . By default, this is the \\Sms\\Logs directory.")
  (`draft_metrics.glued_note_step`), / all such steps.
- **registry rows not said as a step**: ticked steps that are a registry value's row
  ("Type: REG_DWORD", "Name: Start") or that sit over "Name: / Type: REG_X / Data:"
  rows without saying the value (`draft_metrics.registry_row_step`), / all steps.
- **value tables not said as the value to set**: steps that end "... as follows:" / "...
  the following values:" over a table of values (value/result or name/type/data) without
  saying which to set (`draft_metrics.value_table_step`), / all steps.
- **registry backups on fixes changing no key**: fix outcomes with a step that backs up
  the registry or a key ("Back up the HKEY_...\\X key before you change it") whose other
  steps change no key or value (a UI-only fix given a backup and rollback); **registry
  backups before Registry Editor opens**: those whose backup step comes before the step
  that opens Registry Editor (the export needs the editor open and the key selected)
  (`draft_metrics.registry_backup_place`), / outcomes with a registry backup step.
- **fixes titled by a first UI step**: fix outcomes titled by the start of their first
  step when it is a click, an open or a log-on ("Workaround: Click Start", "Resolution:
  Open SQL Server Configuration Manager") instead of what the fix does
  (`draft_metrics.first_click_titles`), / all fix outcomes.
- **bare titles among fixes**: fix outcomes (not "This article may not apply") of
  drafts with two or more, titled only by a section's name ("Mitigation",
  "Troubleshooting", "Alert Description", ...), / fix outcomes of such drafts
  (`draft_metrics.bare_titles`; a single fix's "Mitigation" is not counted: there is
  nothing to choose between).
- **Diagnosis offered as a fix**: fix outcomes cited from a Diagnosis section beside a
  fix cited from another section (`draft_metrics.diagnosis_fixes`), / all fix outcomes.
- **long-term changes verified as clearing**: fix outcomes whose one step only says to
  think about a change ("Start thinking about sharding prometheus", "Consider X") and
  whose verify is the alert clearing (`draft_metrics.long_term_cleared`), / all fix
  outcomes.
- **symptoms cut**: drafts whose symptom question quotes the symptom with "[...]",
  / drafts that ask the symptom question.
- **symptom choices that are fragments**: message choices of the symptom question
  ("Which of these do you see?") that are no form of the symptom: an event cut to its
  field names ("Event ID 4097 Source"), a near-duplicate the drafter numbered ("... (2)"),
  an SQL statement or a time-stamped trace line (`draft_metrics.fragment_choice`), / all
  message choices.
- **symptom choices that are steps or conditions** (round 31, symchoices31): message
  choices of the symptom question that are a procedure step (an imperative label that
  reads as no message: no stop code, failure word or "Please") or a scenario's condition
  (the start of a list item under a "following scenario/conditions/situations:" lead)
  (`draft_metrics.odd_symptom_choices`), / all message choices.
- **symptom choices that are product names or notes** (round 35, symptoms35): message
  choices of the symptom question that are no form of the symptom: a product and version
  from an applies-to list ("Windows Server 2012 R2"), a scope note ("This problem does not
  apply to ..."), an "Also, ..." line split from its message, or a bare lead into an event
  record ("The following event may be logged in the event log")
  (`kbassist.drafting.symptom_only.not_symptom_label`), / all message choices.
- **symptom forms listed but fewer offered** (round 32, symmsg33): drafts whose symptom
  question offers fewer message choices (none, for a yes/no) than the forms the article's
  symptom section lists (`draft_metrics.listed_forms`: the items under "one of the
  following messages/symptoms:", or two or more leads each into its own message, or side
  paragraphs "On the host computer, ... "X""), / drafts of articles that list two or more.
- **real mitigation**: lint-clean drafts of articles with a fix section (a heading with
  Mitigation, Resolution, Workaround, Solution, Remediation or Fix in its name, or nested
  under one) where some walk's checklist has a step cited from a fix section that is not
  a pointer ("Read ...", "See ...", "Refer to ...") and has at least three words,
  / lint-clean drafts of articles with a fix section. The issue's runbook target is on
  this row of the runbooks column.

- **fix said in prose, steps in MORE INFORMATION ticked** (round 13): lint-clean MS KB
  drafts of articles whose RESOLUTION / WORKAROUND sections hold no numbered step while
  MORE INFORMATION holds a numbered list before anything that reproduces the problem
  ("Steps to Reproduce Behavior", "To reproduce this problem"; `draft_metrics.fix_in_more`),
  where some fix outcome ticks two or more steps cited from MORE INFORMATION,
  / all such drafts. Not a target of 100%: many such lists are no fix (a check, a
  sample, another case); read the drafts behind a change.

- **fixes whose section's numbered procedure is lost** (round 25): lint-clean drafts with
  a fix outcome where a numbered list of 2+ steps in a fix section, or in a section a fix
  step cites (MORE INFORMATION only before its repro), not led as a repro, check, sample
  undo or list of contacts, has no step of which half the word pairs are in one text of the draft
  (`draft_metrics.lost_procedures`), / drafts with a fix outcome.
- **fix steps pointing at what the walk never shows** (round 25): fix outcomes whose last
  step points at a procedure or code ("as shown below", "the MORE INFORMATION section",
  "steps 1 through 3 in", "follow these steps") and has no detail
  (`draft_metrics.pointing_steps`), / fix outcomes.

- **concrete verify**: outcomes with a verify (once per outcome, as for action steps)
  where some verify item is concrete, / all of them (`draft_metrics.verify_kind`).
  Generic: the drafter's wordings that check nothing in particular ("Check that the
  problem Q123 SYMPTOMS describes no longer occurs", "Do again what you were doing ...",
  "Check that the result is what ... describes"); quotes the scene: "... no longer
  occurs/happens: X" where X has no word of something going wrong (a negation,
  fail, error, crash, missing, slow, ...) or is a bare "It is ..." sentence; everything
  else (the article's own check, a file version, an alert clearing, a message to see
  gone, an honest "nothing to fix") is concrete. The next row counts generic / scene;
  "only the alert clears" counts outcomes whose every verify item only waits for the
  alert to resolve ("... alert clears", "stops firing"), with no runbook check re-run.
  "'no longer occurs' on a how-to or limit" (round 26) counts outcomes whose verify
  pastes back a how-to's sentence that says nothing goes wrong, or a limit a workaround
  leaves in place ("searches for string values only") (`draft_metrics.misfit_verify`).
  "'no longer' on a fix to repeat each time" (round 30) counts outcomes whose steps say
  to repeat them ("You must do this procedure each time you sign in") verified with "no
  longer" (`draft_metrics.each_time_misfit`): the procedure's own effect is the check.
  "keeps a condition the fix changes" (round 28) counts outcomes whose verify sets up
  a state the fix's steps change ("... while the Find Fast Indexer is running again:
  check that ..." under "click Pause Indexing") (`kept_condition.drop_changed_condition`).
  "keeps the symptom's setting" (round 32) counts outcomes whose verify keeps a
  condition clause stating the setting the problem needed ("... if you are using the
  driver version 7.33 or earlier", "when ... are using only NetBEUI", "After applying
  Service Pack 1, check that", "If you are running X, check that", "for any reason"),
  which may be false once the fix is in; a trigger ("When you copy a file, if ...")
  is not counted (`draft_metrics.setting_kept`).
  "malformed verify" (round 13) counts outcomes with a verify line that reads broken
  (`draft_metrics.malformed_verify`): it ends on a word no sentence ends on ("... no
  longer disappears and."), pastes a list flat (": - A - B"), redoes an action on a bare
  pronoun ("Scan for it again"), quotes an "If you ..., you receive ..." sentence as the
  message, or puts "you" before a noun ("check that you user tile no longer ...").
- **questions whose answers all meet**: questions (the symptom question left out) with
  two or more answers that stay in the article (not "this article may not apply" or
  "Read the article"), whose every such answer reaches the very same set of outcomes
  and checklist items (since round 13 also the same Diagnosis checks shown after it),
  / all such questions (`draft_metrics.meeting_questions`).
- **case questions the choice before answered** (round 14): yes/no case questions whose
  answers go on to one outcome, asked right after a choice whose label names the same
  case ("Method 1: Windows NT Is on a FAT Partition", then "Does this apply: Windows NT
  is installed on a FAT partition?"), or whose "no" still ticks the "Then …" step that goes
  on from the case's own step, / the questions above (`draft_metrics.answered_before`).
- **questions with converging branches** (round 34, questions35): questions (not the
  symptom one) whose every answer that stays in the article goes on to one node ("yes"
  and "no" to the same outcome); **questions whose unsure answer re-asks**: an "I don't
  know" answer leading to a question offering only the asking question's own outcomes;
  **questions with options duplicating another**: two answers whose outcomes say one fix
  (a label is the other's after its verb, or the two tick nearly the same words); / all
  questions as above. **drafts with options labelled the wrong kind**: a fix answer
  labelled as a cause ("You did not set X"), a "What did you find?" answer that is a fix
  or a cut condition (not one saying its case: "X (if the alert is noise)"), / lint-clean
  drafts (`junk_questions`).
- **drafts with a branching question**: lint-clean drafts with at least one such
  question whose answers do not all meet, / lint-clean drafts.
- **drafts with an alternative as a step**: lint-clean drafts where a checklist step
  (not the first of its outcome) starts another alternative's own procedure ("For
  Netscape Navigator 3.0, follow these steps:", "To disable the fix:"; not a place such
  as "In the Options dialog box, do the following:") or lists when it is "safe to
  ignore", or (round 17) opens another way in words ("Another work-around is to Y",
  "Alternatively, Y") (`draft_metrics.ALTERNATIVE_STEP_RE`), / lint-clean drafts.
- **drafts ticking either-or ways as one** (round 35, either35): lint-clean drafts with a
  ticked step that offers two ways in its own text ("If X does not help, either A, or B",
  "Do this with A or by B"; not "in either case") or an outcome led by "two known
  solutions" that ticks its steps in turn (`draft_metrics.either_ticked`), / lint-clean drafts.
- **drafts with ways ticked in turn** (round 16, modalts16): lint-clean drafts with an
  outcome whose steps marked "Method 1: …" / "Method 2: …" (or "Option N") no answer
  tells apart, or whose text says "use one of the following methods:" over two or more
  steps no answer tells apart (`draft_metrics.ways_in_turn`), / lint-clean drafts.
- **drafts with another way ticked as a step** (round 25, alts25): lint-clean drafts with
  a checklist step (not the first of its outcome) that opens another way to do what the
  steps before it did ("Or you can stop your workstation and restart it ...", "Instead,
  ...", "For a more effective method of registering applications, use ...", a lone
  "Method 2: Works Setup:"), a lead "Create X for A, B, or both." ticked before its ways,
  or a step's note that is another way ("The second way is to create your own dialog
  box ..."; `draft_metrics.other_way_steps`), / lint-clean drafts.
- **fix options with when-to-choose help** (round 33, choosehelp35): options of the
  questions choosing between fixes ("Which fix ...", "How do you want to fix / work
  around it?") whose question help gives them a "When to choose: (n) ..." note that is
  more than their label's own words (`draft_metrics.fix_choose_help`), / all such
  options. **drafts asking a fix question with no help**: lint-clean drafts with such a
  question none of whose options has a note, / lint-clean drafts.
- **drafts running alternatives in turn** (round 30, turnalts30): lint-clean drafts with
  an outcome step no answer tells apart that opens with the other half of a way or a
  case ("or create a custom recipient ...", "In case you have other domain controllers,
  ..."), or a command step ("Run the following command:") run on every walk right after
  the way that opens a Command Prompt (`draft_metrics.alternatives_in_turn`), /
  lint-clean drafts.
- **drafts ticking 'one of the following' in turn** (round 32, oneof33): lint-clean
  drafts with a "do one of the following:" lead in an outcome's text or ticked as a step,
  with two or more steps after it no answer tells apart (`draft_metrics.choose_one_ticked`;
  wider than the "ways ticked in turn" row, which reads only leads over all-free outcomes),
  / lint-clean drafts.
- **drafts asking a case and its negation apart** (round 17, msflow17): lint-clean drafts
  with two "Does this apply: X?" questions whose cases are one another negated ("a
  certificate exists" / "no certificate exists": both can be answered yes;
  `draft_metrics.negated_questions`), / lint-clean drafts.
- **steps that jump to a step number** (round 17, msflow17): checklist steps whose text
  or note says "go to / return to / skip to step N" (`draft_metrics.STEP_JUMP_RE`): the
  draft's checklist is not numbered as the article's list, / all checklist steps.
- **drafts with a condition as a step**: lint-clean drafts where a checklist step is a
  condition, not an action: "If you are prompted to install X, quit ..." ticked (round
  30: "If you are prompted to restart, click Yes" is an action of its own, not counted),
  or a step or its note that says "If the issue continues to occur, proceed to the next
  method" (`draft_metrics.condition_steps`), / lint-clean drafts.
- **drafts ticking a fallback with no checkpoint** (round 34, tried35): lint-clean drafts
  with a step that ticks, or shows in its note, an action for when the steps before did
  not help ("If nothing found, verify X", "If the problem persists, restart Y") with no
  checkpoint of its own (`draft_metrics.fallback_ticks`), / lint-clean drafts.
- **system names ticked as steps** (round 34, tried35): checklist steps that only name a
  system ("Windows 95:", `draft_metrics.system_ticks`): the label over one system's
  procedure ticked, / all checklist steps.
- **drafts with applicability unasked** (round 15, apply15): lint-clean drafts that tick
  a step for one product or version ("If you're running Windows Server 2008 as your KMS
  host, you need this update hotfix 968912") or keep a fix-level warning "Don't apply the
  workaround to computers that are running Windows 10 or later" in a fix's text instead
  of asking it (`draft_metrics.unasked_applicability`), / lint-clean drafts. The outcome
  such a question's "not for this system" answer reaches (`…-not-applicable`) is an exit
  like "This article may not apply": no fix, no branch.
- **walks asking which version/OS applies** (round 29, applies29): lint-clean drafts with a
  question "Which operating system / version / product do you use?" (or "Which of these do
  you run?") that picks the procedures for one system first (`draft_metrics.system_asked`),
  / lint-clean drafts. The next row counts those, not asking, whose fix or MORE
  INFORMATION section heads numbered steps with two or more system headings at one level
  ("On Windows NT:" / "On Windows 95:", "## Windows 10" / "## Windows 11";
  `draft_metrics.systems_headed`): procedures for several systems in one flat list.

- **inputs unused on their walk**: (walk, input) pairs where an input answered on a
  finished walk is read by no item that walk shows (text, detail or condition), / all
  such pairs: an input asked on a path that never uses it, or only for a sample shown.
- **inputs whose type misfits their name**: inputs titled "Your number for X" or "Your
  drive letter for X" where X names something (`<AccountName>`, `<host-name>`), / inputs.
- **asked before the check that reveals it** (round 13): (walk, input or question) pairs,
  the symptom question left out, where the admin is asked before a Diagnosis check shown
  later on the walk could tell the answer: a question whose every answer goes on to the
  same checks step ("Which cause did you find?" before the checks that find it), or an
  input whose answer a later checks step uses after a command it could have shown first
  (`$NODE_NAME` before `oc get nodes`; check titles, links and prose comments are no
  commands; an input whose help says its value comes from the alert is not counted),
  / all such pairs; the row under it counts drafts (`draft_metrics.asked_early`).
- **causes run on in one paragraph** (round 33, causes34): drafts whose cause node runs
  the article's bulleted causes into one line ("Among them are the following: - A. - B.")
  / drafts (`draft_metrics.causes_run_on`).
- **prose alternative causes not asked** (round 29, altcauses29): drafts whose CAUSE
  states alternatives in prose ("This problem occurs if A, or if B."; "... if A:" / "Or
  if B:" paragraphs, `prose_causes`) with no question whose answers are causes or cases
  / such drafts; **causes told the article has no fix**: drafts with an outcome "No fix
  in the article for this cause" (a cause the article's one fix does not address).
- **runbook listed causes not asked** (round 35, rbcauses35): alert runbooks listing
  likely causes ("There might be many causes to this:", "Common failure scenarios:",
  `listed_cause_ask.listed_causes`) whose draft has no question answered by a cause or
  case / such runbooks.

- **lists of items asked which is yours** / **references told, nothing to fix** (round 32,
  notone32): lint-clean archive drafts of an article that is not one problem (a FAQ, a
  README's topics: "Which of these is your situation?"; an explanation: one info outcome).

Also shown: drafts that only say "Read the article", drafts ticking "Check whether this
applies here and remove it: <cause>" (a CAUSE with no fix; by-design and limit-only
causes get an honest outcome instead), drafts with an input, walks that
got stuck (every answer refused), and articles that expect a mitigation (CAUSE,
RESOLUTION, WORKAROUND or a `-or-` list: the old archive bench's row) and have one.
Exit status 1 when there is an exception or a lint problem, else 0.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import re
import statistics
import sys
import tarfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO.parent / "shared" / "corpus"
DEFAULT_WORK = Path("/tmp/draftbench")
#: name -> (tarball in ../shared/corpus, folder it unpacks to)
CORPORA = {
    "archive": ("mskb-archive.tar.xz", "kb"),
    "runbooks": ("runbooks.tar.xz", "runbooks"),
    "mssupport": ("ms-support-sample.tar.xz", "ms-support"),
}
#: File names that are not articles of the corpus (provenance notes, Hugo section pages).
NOT_ARTICLES = frozenset({"SOURCE.md", "_index.md"})
POOL_ABOVE = 500

sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from draft_metrics import Record, measure  # noqa: E402

from kbassist.articles import iter_article_files  # noqa: E402
from kbassist.fileio import atomic_write  # noqa: E402

_EXPECTS = frozenset({"cause", "causes", "resolution", "workaround", "workarounds", "solution"})
_OR_LINE_RE = re.compile(r"^\s*-+\s*or\s*-+\s*$", re.IGNORECASE | re.MULTILINE)


def corpus_root(name: str, work: Path) -> Path:
    """The corpus folder under `work`, unpacked from ../shared/corpus the first time."""
    tarball, folder = CORPORA[name]
    root = work / folder
    if not root.is_dir():
        work.mkdir(parents=True, exist_ok=True)
        print(f"unpacking {tarball} into {work} ...", file=sys.stderr)
        with tarfile.open(CORPUS_DIR / tarball) as tar:
            tar.extractall(work, filter="data")
    return root


def corpus_files(root: Path) -> list[Path]:
    """The corpus's article files, in sorted path order."""
    return sorted(p for p in iter_article_files(root) if p.name not in NOT_ARTICLES)


def _measure_job(job: tuple[str, str, str]) -> Record:
    path, corpus, rel = job
    return measure(Path(path), corpus, rel)


def run_corpus(
    name: str, root: Path, limit: int, procs: int, every: int = 1
) -> tuple[list[Record], float]:
    """Every file's record and the wall time of the pass."""
    files = corpus_files(root)[:: max(1, every)]
    if limit:
        files = files[:limit]
    jobs = [(str(p), name, p.relative_to(root).as_posix()) for p in files]
    started = time.perf_counter()
    if procs > 1 and len(jobs) > POOL_ABOVE:
        with multiprocessing.Pool(procs) as pool:
            records = pool.map(_measure_job, jobs, chunksize=64)
    else:
        records = [_measure_job(job) for job in jobs]
    return records, time.perf_counter() - started


def _expects_mitigation(record: Record) -> bool:
    return bool(set(record.sections) & _EXPECTS)


# --------------------------------------------------------------------------- summary


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}% ({part:,}/{whole:,})" if whole else "-"


def _where(records: list[Record], where: str) -> int:
    """How many texts of drafts `records` are cut with "[...]" at `where`."""
    return sum(w == where for r in records for w, _ in r.texts_cut)


def _drafting_seconds(records: list[Record], procs: int) -> float:
    """The drafting part of the wall time: parse + draft + YAML round trip + lint summed
    over the articles, spread over the processes (issue 13's target is read on this, not
    on the bench's own metrics)."""
    spread = procs if len(records) > POOL_ABOVE else 1
    return sum(r.seconds_draft for r in records) / max(1, spread)


def summarize(records: list[Record], wall: float, procs: int) -> dict[str, str]:
    """The table's column for one corpus: metric name -> figure (see the docstring)."""
    articles = [r for r in records if r.status != "skipped"]
    drafts = [r for r in articles if r.status == "drafted"]
    clean = [r for r in drafts if not r.lint]
    errors = [r for r in records if r.status == "exception"]
    placeholders = [p for r in clean for p in r.placeholders]
    with_fix = [r for r in clean if r.has_fix_section]
    expects = [r for r in clean if _expects_mitigation(r)]
    per = sorted(r.seconds_draft for r in articles) or [0.0]
    p99 = per[min(len(per) - 1, int(len(per) * 0.99))]
    return {
        "articles": f"{len(articles):,}",
        "drafts": _pct(len(drafts), len(articles)),
        "lint pass": _pct(len(clean), len(drafts)),
        "exceptions": f"{len(errors)}",
        "wall time": f"{wall:.1f} s ({procs if len(records) > POOL_ABOVE else 1} proc)",
        "  drafting only (parse+draft+lint / procs)": f"{_drafting_seconds(records, procs):.1f} s",
        "draft ms/article p50 / p99": f"{1000 * statistics.median(per):.1f} / {1000 * p99:.1f}",
        "walks with a question": _pct(sum(r.asks_question for r in clean), len(clean)),
        "placeholders used": _pct(sum(bool(p["used"]) for p in placeholders), len(placeholders)),
        "  articles with placeholders": f"{sum(bool(r.placeholders) for r in clean):,}",
        "  not counted: in messages / explanations": " / ".join(
            f"{sum(p['why'] == why for r in clean for p in r.placeholders_excluded):,}"
            for why in ("message", "explanation")
        ),
        "action steps": _pct(sum(r.verb_items for r in clean), sum(r.items for r in clean)),
        "labels cut": _pct(sum(len(r.cut_labels) for r in clean), sum(r.labels for r in clean)),
        "concrete verify": _pct(
            sum(r.verify_concrete for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  generic / quotes the scene": (
            f"{sum(r.verify_generic for r in clean):,} / {sum(r.verify_scene for r in clean):,}"
        ),
        "  only the alert clears": _pct(
            sum(r.verify_alert_only for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  only the condition restated": _pct(
            sum(r.verify_condition_only for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  restates the symptom": _pct(
            sum(r.verify_restated for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  fix's own check not the verify": _pct(
            sum(r.verify_own_left for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  message with its label glued on": _pct(
            sum(r.verify_glued_label for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  'no longer occurs' on a how-to or limit": _pct(
            sum(r.verify_misfit for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  'no longer' where the article says it stays": _pct(
            sum(r.verify_stays for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  quotes a clause cut from a sentence": _pct(
            sum(r.verify_cut_clause for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  builds on a sentence the article negates": _pct(
            sum(r.verify_negated for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  diagnostic verified as a fix": _pct(
            sum(r.verify_diagnostic for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  'no longer' on a fix to repeat each time": _pct(
            sum(r.verify_each_time for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  keeps a condition the fix changes": _pct(
            sum(r.verify_kept_condition for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  keeps the symptom's setting": _pct(
            sum(r.verify_setting for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  unfit: round-only on a cause fix, diagnosis, symptom's condition": _pct(
            sum(r.verify_unfit36 for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "rollback where the article says none": _pct(
            sum(r.rollback_denied for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  names the article's section": _pct(
            sum(r.verify_section_only for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "  malformed verify": _pct(
            sum(len(r.malformed_verifies) for r in clean), sum(r.verify_outcomes for r in clean)
        ),
        "labels cut mid-phrase": _pct(
            sum(len(r.phrase_cut_labels) for r in clean), sum(r.labels for r in clean)
        ),
        "questions with labels alike": _pct(
            sum(len(r.alike_questions) for r in clean), sum(r.asked_questions for r in clean)
        ),
        "titles cut mid-phrase": _pct(
            sum(len(r.phrase_cut_titles) for r in clean), sum(r.titles for r in clean)
        ),
        "labels and titles: bare kind, lead-in, 'the following'": _pct(
            sum(len(r.no_action_titles) for r in clean), sum(r.labels + r.titles for r in clean)
        ),
        "labels and titles ending open": _pct(
            sum(len(r.open_end_labels) for r in clean), sum(r.labels + r.titles for r in clean)
        ),
        "labels not naming the fix": _pct(
            sum(len(r.not_action_labels) for r in clean), sum(r.fix_labels for r in clean)
        ),
        "lead-in steps": _pct(
            sum(len(r.lead_in_items) for r in clean), sum(r.items for r in clean)
        ),
        "fixes that only obtain": _pct(
            sum(len(r.obtain_only) for r in clean), sum(r.fix_checklists for r in clean)
        ),
        "fixes that only escalate": _pct(
            sum(len(r.escalate_only) for r in clean), sum(r.fix_checklists for r in clean)
        ),
        "read-more steps": _pct(
            sum(len(r.read_more_items) for r in clean), sum(r.items for r in clean)
        ),
        "link, question, quote steps": _pct(
            sum(len(r.non_step_items) for r in clean), sum(r.items for r in clean)
        ),
        "statement, note, pointer steps": _pct(
            sum(len(r.statement_items) for r in clean), sum(r.items for r in clean)
        ),
        "outcome, example, more-help, 'as follows' steps": _pct(
            sum(len(r.kind_items) for r in clean), sum(r.items for r in clean)
        ),
        "conditional actions left in a note": _pct(
            sum(len(r.prompt_notes) for r in clean), sum(r.items for r in clean)
        ),
        "effect, meaning, explanation steps": _pct(
            sum(len(r.effect_items) for r in clean), sum(r.items for r in clean)
        ),
        "option label count differs from its checklist": _pct(
            sum(len(r.count_labels_wrong) for r in clean), sum(r.count_labels for r in clean)
        ),
        "two actions in one step": _pct(
            sum(len(r.two_action_items) for r in clean), sum(r.items for r in clean)
        ),
        "several actions in one step": _pct(
            sum(len(r.multi_sentence_items) + len(r.multi_clause_items) for r in clean),
            sum(r.items for r in clean),
        ),
        "  in two or more sentences": _pct(
            sum(len(r.multi_sentence_items) for r in clean), sum(r.items for r in clean)
        ),
        "steps that are not actions": _pct(
            sum(len(r.not_action_items) for r in clean), sum(r.items for r in clean)
        ),
        "notes glued onto steps": _pct(
            sum(len(r.glued_note_items) for r in clean), sum(r.items for r in clean)
        ),
        "registry rows not said as a step": _pct(
            sum(len(r.registry_row_items) for r in clean), sum(r.items for r in clean)
        ),
        "value tables not said as the value to set": _pct(
            sum(len(r.value_table_items) for r in clean), sum(r.items for r in clean)
        ),
        "registry backups on fixes changing no key": _pct(
            sum(len(r.backup_no_change) for r in clean), sum(r.backup_outcomes for r in clean)
        ),
        "registry backups before Registry Editor opens": _pct(
            sum(len(r.backup_before_open) for r in clean), sum(r.backup_outcomes for r in clean)
        ),
        "bare titles among fixes": _pct(
            sum(len(r.bare_titles) for r in clean), sum(r.fix_outcomes for r in clean)
        ),
        "Diagnosis offered as a fix": _pct(
            sum(len(r.diagnosis_fixes) for r in clean), sum(r.fix_count for r in clean)
        ),
        "long-term changes verified as clearing": _pct(
            sum(len(r.long_term_cleared) for r in clean), sum(r.fix_count for r in clean)
        ),
        "fixes titled by a first UI step": _pct(
            sum(len(r.first_click_titles) for r in clean), sum(r.fix_count for r in clean)
        ),
        "symptoms cut": _pct(
            sum(r.symptom_cut for r in clean), sum(r.symptom_question for r in clean)
        ),
        "cause repeating the symptom": _pct(sum(r.cause_repeats for r in clean), len(clean)),
        "symptom holding a cause": _pct(sum(r.symptom_reading for r in clean), len(clean)),
        "drafts that give no cause": _pct(sum(r.no_cause for r in clean), len(clean)),
        "causes run on in one paragraph": _pct(sum(r.causes_run_on for r in clean), len(clean)),
        "no cause though the article states one": _pct(
            sum(r.stated_no_cause for r in clean), len(clean)
        ),
        "symptom or cause about the article": _pct(sum(r.about_article for r in clean), len(clean)),
        "symptom choices that are fragments": _pct(
            sum(len(r.fragment_choices) for r in clean), sum(r.symptom_choices for r in clean)
        ),
        "symptom choices that are steps or conditions": _pct(
            sum(len(r.odd_choices) for r in clean), sum(r.symptom_choices for r in clean)
        ),
        "symptom choices that are product names or notes": _pct(
            sum(len(r.not_symptom_choices) for r in clean), sum(r.symptom_choices for r in clean)
        ),
        "symptom forms listed but fewer offered": _pct(
            sum(r.symptom_choices < r.listed_forms for r in clean),
            sum(r.listed_forms > 0 for r in clean),
        ),
        "texts cut with [...]": _pct(sum(bool(r.texts_cut) for r in clean), len(clean)),
        "  step text / detail / symptom / cause": " / ".join(
            f"{_where(clean, w):,}" for w in ("step text", "step detail", "symptom", "cause")
        ),
        "  help / question / outcome text / verify": " / ".join(
            f"{_where(clean, w):,}" for w in ("help", "question", "outcome text", "verify")
        ),
        "real mitigation": _pct(sum(r.real_mitigation for r in with_fix), len(with_fix)),
        "fix said in prose, steps in MORE INFORMATION ticked": _pct(
            sum(r.more_steps for r in clean if r.fix_in_more),
            sum(r.fix_in_more for r in clean),
        ),
        "fixes whose section's numbered procedure is lost": _pct(
            sum(bool(r.lost_procedures) for r in clean), sum(r.fix_count > 0 for r in clean)
        ),
        "fix steps pointing at what the walk never shows": _pct(
            sum(len(r.pointing_steps) for r in clean), sum(r.fix_count for r in clean)
        ),
        "only 'Read the article'": _pct(sum(r.fallback_only for r in clean), len(clean)),
        "lists of items asked which is yours": _pct(
            sum(r.not_one == "several" for r in clean), len(clean)
        ),
        "references told, nothing to fix": _pct(
            sum(r.not_one == "reference" for r in clean), len(clean)
        ),
        "drafts ticking 'remove' a cause": _pct(sum(r.remove_cause for r in clean), len(clean)),
        "prose alternative causes not asked": _pct(
            sum(r.prose_causes_merged for r in clean), sum(r.prose_causes for r in clean)
        ),
        "causes told the article has no fix": _pct(sum(r.cause_no_fix for r in clean), len(clean)),
        "runbook listed causes not asked": _pct(
            sum(r.listed_causes_merged for r in clean), sum(r.listed_causes for r in clean)
        ),
        "questions whose answers all meet": _pct(
            sum(len(r.meeting) for r in clean), sum(r.questions for r in clean)
        ),
        "case questions the choice before answered": _pct(
            sum(len(r.answered_before) for r in clean), sum(r.questions for r in clean)
        ),
        "questions with converging branches": _pct(
            sum(len(r.converging) for r in clean), sum(r.questions for r in clean)
        ),
        "questions whose unsure answer re-asks": _pct(
            sum(len(r.unsure_loops) for r in clean), sum(r.questions for r in clean)
        ),
        "questions with options duplicating another": _pct(
            sum(len(r.duplicate_options) for r in clean), sum(r.questions for r in clean)
        ),
        "drafts with options labelled the wrong kind": _pct(
            sum(bool(r.wrong_kind_labels) for r in clean), len(clean)
        ),
        "drafts with a branching question": _pct(
            sum(r.questions > len(r.meeting) for r in clean), len(clean)
        ),
        "drafts with an alternative as a step": _pct(
            sum(bool(r.alternative_steps) for r in clean), len(clean)
        ),
        "drafts ticking either-or ways as one": _pct(
            sum(bool(r.either_ticked) for r in clean), len(clean)
        ),
        "fix options with when-to-choose help": _pct(
            sum(r.fix_helped for r in clean), sum(r.fix_options for r in clean)
        ),
        "drafts asking a fix question with no help": _pct(
            sum(bool(r.fix_unhelped) for r in clean), len(clean)
        ),
        "drafts with ways ticked in turn": _pct(
            sum(bool(r.ways_in_turn) for r in clean), len(clean)
        ),
        "drafts with another way ticked as a step": _pct(
            sum(bool(r.other_way_steps) for r in clean), len(clean)
        ),
        "drafts running alternatives in turn": _pct(
            sum(bool(r.alternatives_in_turn) for r in clean), len(clean)
        ),
        "drafts ticking 'one of the following' in turn": _pct(
            sum(bool(r.choose_one_ticked) for r in clean), len(clean)
        ),
        "drafts asking a case and its negation apart": _pct(
            sum(bool(r.negated_asked) for r in clean), len(clean)
        ),
        "steps that jump to a step number": _pct(
            sum(len(r.step_jumps) for r in clean), sum(r.items for r in clean)
        ),
        "drafts with a condition as a step": _pct(
            sum(bool(r.condition_steps) for r in clean), len(clean)
        ),
        "drafts ticking a fallback with no checkpoint": _pct(
            sum(bool(r.fallback_ticks) for r in clean), len(clean)
        ),
        "system names ticked as steps": _pct(
            sum(len(r.system_ticks) for r in clean), sum(r.items for r in clean)
        ),
        "drafts with applicability unasked": _pct(
            sum(bool(r.unasked_applies) for r in clean), len(clean)
        ),
        "walks asking which version/OS applies": _pct(
            sum(r.asks_system for r in clean), len(clean)
        ),
        "  procedures headed per system, unasked": _pct(
            sum(r.systems_unasked for r in clean), len(clean)
        ),
        "drafts with an input": _pct(sum(r.inputs > 0 for r in clean), len(clean)),
        "inputs unused on their walk": _pct(
            sum(len(r.unused_inputs) for r in clean), sum(r.input_answers for r in clean)
        ),
        "inputs whose type misfits their name": _pct(
            sum(len(r.mistyped_inputs) for r in clean), sum(r.inputs for r in clean)
        ),
        "asked before the check that reveals it": _pct(
            sum(len(r.asked_early) for r in clean), sum(r.asks_on_walks for r in clean)
        ),
        "  drafts asking before the check": _pct(
            sum(bool(r.asked_early) for r in clean), len(clean)
        ),
        "runbooks naming alert variants, which fired asked": _pct(
            sum(r.variant_asked for r in clean if r.variants_named >= 2),
            sum(r.variants_named >= 2 for r in clean),
        ),
        "node actions with no command, node not asked": _pct(
            sum(len(r.node_unasked) for r in clean), sum(r.items for r in clean)
        ),
        "runbook Diagnosis checks shown, never ticked": _pct(
            sum(bool(r.diag_unticked) for r in clean), len(clean)
        ),
        "verifies expecting the alert to clear after cordon/drain/advice": _pct(
            sum(len(r.hopeful_verifies) for r in clean), sum(r.outcomes for r in clean)
        ),
        "walks (stuck)": f"{sum(r.walks for r in clean):,} ({sum(r.walks_stuck for r in clean)})",
        "expect a mitigation, have one": _pct(
            sum(not r.fallback_only for r in expects), len(expects)
        ),
    }


TARGETS = {
    "lint pass": "100%",
    "exceptions": "0",
    "wall time": "archive < 120 s",
    "walks with a question": ">= 70%",
    "placeholders used": "100%",
    "labels cut": "0 '[...]'",
    "real mitigation": "runbooks >= 90%",
}


def print_table(columns: dict[str, dict[str, str]], out: Callable[[str], None] = print) -> None:
    """One row per metric, one column per corpus, the issue's target last."""
    names = list(columns)
    rows = list(next(iter(columns.values())))
    header = ["metric", *names, "target"]
    body = [[row, *(columns[n][row] for n in names), TARGETS.get(row, "")] for row in rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    for line in [header, ["-" * w for w in widths], *body]:
        out("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


def show_problems(name: str, records: list[Record], show: int) -> None:
    """The first `show` exceptions and lint problems of a corpus, one line each."""
    errors = [r for r in records if r.status == "exception"]
    linted = [r for r in records if r.status == "drafted" and r.lint]
    for title, found, what in (("exceptions", errors, "error"), ("lint problems", linted, "lint")):
        if not found:
            continue
        print(f"\n{name}: {title} ({len(found)})")
        for r in found[:show]:
            detail = r.error if what == "error" else r.lint[0]
            print(f"  {r.id or r.path}: {detail}")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    parser.add_argument("--limit", type=int, default=0, help="only the first N files of each")
    parser.add_argument("--every", type=int, default=1, help="only every N-th file of each")
    parser.add_argument("--procs", type=int, default=2, help="processes for a large corpus")
    parser.add_argument("--json", type=Path, help="write every article's record here")
    parser.add_argument("--force", action="store_true", help="overwrite the --json file")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="corpora unpacked here")
    parser.add_argument("--show", type=int, default=5, help="problems shown per kind")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    names = list(CORPORA) if args.corpus == "all" else [args.corpus]
    if args.json is not None and args.json.exists() and not args.force:
        print(f"{args.json}: file exists (use --force to overwrite)", file=sys.stderr)
        return 2
    columns: dict[str, dict[str, str]] = {}
    everything: list[Record] = []
    for name in names:
        root = corpus_root(name, args.work)
        records, wall = run_corpus(name, root, args.limit, args.procs, args.every)
        print(f"{name}: {len(records):,} files in {wall:.1f} s", file=sys.stderr)
        columns[name] = summarize(records, wall, args.procs)
        everything.extend(records)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"{platform.node()} · {platform.machine()} · {os.cpu_count()} CPUs · load {load:.1f}"
        f" · Python {platform.python_version()} · {time.strftime('%Y-%m-%d %H:%M %Z')}"
    )
    print_table(columns)
    for name in names:
        show_problems(name, [r for r in everything if r.corpus == name], args.show)
    if args.json is not None:
        payload = {"columns": columns, "records": [asdict(r) for r in everything]}
        atomic_write(args.json, json.dumps(payload, indent=1) + "\n", overwrite=args.force)
        print(f"\nrecords: {args.json}", file=sys.stderr)
    bad = any(r.status == "exception" or (r.status == "drafted" and r.lint) for r in everything)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
