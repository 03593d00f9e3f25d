#!/usr/bin/env node
// Trains the learned passes of text-dump body extraction (src/extract/line-model.ts) on labelled pages, reports
// cross-validated figures, and writes the shipped model. First the word weights (a logistic regression of each line's
// label on its hashed words, whose mean weight on a line is one of the line features below; the models after it learn
// from word weights fitted without the page's site, as they meet unseen sites' pages). Then three models, each fitted
// on the one before: the context
// scores (a logistic regression over each line's features and its neighbours', before a segment is chosen), the
// segment ranker (a conditional logit over each page's segments, on the rules' view of them and their lines' context
// scores; the target is the segment whose labelled lines are worth most), the join model (a logistic regression of
// whether a segment next to the ranker's choice is more of the article: the rules' body worth more with it),
// the line model given the choice (its body smoothed along the page), and the edge model (a logistic regression of
// whether the smoothed body's first or last line is not body, trimmed while it says so). The line and edge models
// learn from each page's foreign twin too (--foreign, addForeignTwins: the page as the rules read it without their
// phrase lists, as they read a language the lists do not cover).
//
//   npm run build
//   node scripts/train-lines.mjs SET_DIR... [--folds K] [--keep P] [--add P] [--change C] [--join P] [--edge P] [--l2 L] [--rank-l2 L] [--balance]
//                                [--word-l2 L] [--foreign W] [--bodies DIR] [--out FILE]
//   node scripts/train-lines.mjs ../shared --out data/line-model.json     (the shipped model: ../shared stands for its
//                                         bench/extraction sets dev, trafilatura and readability)
//
// Each SET_DIR holds dumps/<id>.txt and gold/<id>.json, the gold either a full body ({ articleBody }) or snippets
// ({ with: [...], without: [...] }). Lines are labelled from the gold: with a full body, a line is body when most
// of its word 4-grams are in it; with snippets, the lines a "with" snippet lies on are body and those of a
// "without" snippet are not (the others are left out). Every page weighs the same (--balance: every set). The gold is
// read here only: the model keeps weights, not text. Training is deterministic: on the same code and sets the command
// above rewrites data/line-model.json byte for byte (the last line printed says whether it does).
//
// Figures: each set scored as its own scorer does (full bodies: the mean-precision/mean-recall F1 of word
// 4-grams, by score.mjs in the set's parent directory, as in ../shared/bench/extraction; snippets: F1 of snippets found), for the rules alone, for the
// model trained on the other sets (leave one set out), on the other folds of all sets (K-fold), and on all.
// --keep and --add (probabilities) were chosen on the K-fold figures: --add 0.9 kept the full-body sets' figure
// where the rules have it (lower values added more text and lifted the snippet set, at the dev set's cost); --keep 0.25
// drops notices and teasers in the segment (snippet set 0.837 -> 0.841, the others level; 0.4 costs the dev set 0.003).
// --change 0.5 was chosen the same way (0, 0.25, 0.5, 0.75, 1 with --add 0.8-0.9, --keep 0.25-0.35): over 0.25, the
// snippet set's 5-fold 0.846 -> 0.849, the others level (leave-one-set-out / 5-fold: dev 0.959/0.959, trafilatura
// 0.838/0.849, readability 0.861/0.855); 0.75 costs readability 0.002, 1 the dev set 0.005, and lower --add lifts the
// snippet set further at the dev set's cost. (Before furniture was left out of the smoothing's path, 0.5 dropped a
// short last paragraph after a "Read more: ..." line.) With that smoothing --add 0.8 lifts every CV figure over 0.9
// (leave-one-set-out / 5-fold: dev 0.959/0.959, trafilatura 0.838/0.849 -> 0.838/0.853, readability 0.861/0.855 ->
// 0.861/0.858); 0.7 costs the dev set 0.003 left out (0.956) and trafilatura 0.002; 0.8 with --change 0.75 is no better.
// --l2 1e-3 (both models) was chosen the same way; leave-one-set-out / 5-fold, trafilatura and readability (the
// settings other than 1e-3 measured on the rules before the header's comment count was told from an end heading):
//   --l2 1e-3: 0.835/0.845, 0.858/0.851     --l2 1e-4: 0.831/0.848, 0.854/0.853     --l2 3e-3: 0.837/0.841, 0.847/0.847
//   --l2 1e-2: 0.837/0.840, 0.842/0.842     --rank-l2 1e-4: 0.831/0.844, 0.854/0.853  --rank-l2 1e-2: 0.836/0.845, 0.848/0.847
//   --balance costs the dev set 0.023 (0.936 both ways); the dev set is 0.959 under every other setting.
// Readability's 47 pages make its figures move by 0.005-0.01 when the ranker flips one page's segment.
// Folds by site: the K folds again, but a site's pages (the main label of the host) all in one fold, so that no word
// weight learned from a site's own wording scores its pages. The word weights (--word-l2 5e-3, 4096 buckets, the
// mean weight of a line's words and its neighbours', 0 on furniture lines) lifted the CV figures of the two unseen-site
// sets and lowered none, leave-one-set-out / 5-fold / 5-fold by site: dev 0.959/0.959/0.960 -> 0.959/0.960/0.960,
// trafilatura 0.838/0.853/0.855 -> 0.838/0.861/0.864, readability 0.861/0.858/0.857 -> 0.862/0.858/0.862. Measured
// the same way: --word-l2 1e-3 and 2e-3 cost readability's 5-fold 0.001; 8192 buckets cost trafilatura left out
// 0.003 (16384, without 0 on furniture, gained nothing either); without 0 on furniture and at --word-l2 1e-3, a mean
// over the words and 2 or 4 more of weight 0 (shorter lines' means nearer 0) lifted trafilatura's folds by 0.003 but
// cost readability's by site 0.003, and counts of the words on body and other lines (naive Bayes) instead of a
// regression gained about half as much (trafilatura 5-fold 0.856 against 0.860). Without 0 on furniture, a close
// button's "x" (a recipe's "2 x 3" makes it a body word) lifted the image caption beside it into the body. With the
// word weights, --add 0.75 lifted trafilatura's 5-fold 0.861 -> 0.863 and lowered no CV figure, but took an image's
// alt text into a seed page's body; --add 0.7 and --keep 0.35 cost the dev set 0.001-0.007; a mean over a line's
// first 12 or 24 words only (cheaper) cost readability's by site 0.006.
// The join model (segments next to the chosen one joined above --join 0.7; an article parted by a video player, a box
// or a list of sub-headed items) lifted trafilatura and lowered no CV figure, leave-one-set-out / 5-fold / 5-fold by
// site: dev 0.959/0.960/0.960 level, trafilatura 0.838/0.860/0.864 -> 0.840/0.865/0.865, readability
// 0.862/0.858/0.862 level (trained on all: trafilatura 0.868 -> 0.872). --join 0.5 lifts trafilatura further
// (0.841/0.868/0.870) but costs the dev set 0.002 (a one-line "Chat with us..." segment joined with the teasers
// between); 0.6 costs dev left out 0.002 and readability's 5-fold 0.001. Without the headline-like lines between as a
// feature, 0.7 cost the dev set's 5-fold 0.002. Once the main article's title was looked for before the ranker's own
// segment rather than before a segment joined above it (mainTitle), 0.6 lifted every CV figure but readability's
// 5-fold and leave-one-set-out (level): left out / 5-fold / by site, dev 0.957/0.960/0.959 -> 0.958/0.960/0.960,
// trafilatura 0.846/0.865/0.867 -> 0.847/0.866/0.868, readability 0.862/0.856/0.862 -> 0.862/0.856/0.866. The bodies of the joined segments alone, not the text between them
// (at 0.5, before that feature), gained nothing: dev left out 0.957 -> 0.955, trafilatura by site 0.871 -> 0.868.
// Tried before it and not kept: joined pairs of segments as candidates of the ranker (its choice flips pages both
// ways: dev by site 0.950-0.959, readability left out 0.851-0.866); a line's place before the title
// line, and word weights near the segment's ends, as line features (every CV figure within 0.001). Tried after it and
// not kept: joins over at most 50 or 120 lines instead of 80 (50: trafilatura by site 0.865 -> 0.863; 120: dev 5-fold
// 0.960 -> 0.958, trafilatura 5-fold 0.865 -> 0.863); the least weight of a line's words as a line feature (within
// 0.002 both ways); the share of the page's words in the segments after a segment as a ranker feature (trafilatura
// left out 0.840 -> 0.843, but by site 0.865 -> 0.863 and readability by site 0.862 -> 0.859); --keep 0.3 (dev left
// out 0.959 -> 0.957); --join 0.65 (dev by site 0.960 -> 0.959, readability's 5-fold 0.858 -> 0.857); the join model
// with its own L2 penalty, 1e-2 (trafilatura 0.838/0.860/0.863, about the figures without joins) or 3e-4 (trafilatura
// 0.842/0.867/0.867, but dev left out 0.959 -> 0.957 and readability's 5-fold 0.858 -> 0.857).
// navWords (a line feature: the share of a line's words that the page's other lines hold only outside prose, good
// or neargood lines; a site's name, its menu's and notices' words, in any language, seen in training or not) lifted the
// unseen-language figure, leave-one-set-out / 5-fold / 5-fold by site / trained on all: dev 0.959/0.960/0.960/0.960 ->
// 0.958/0.960/0.960/0.960, trafilatura 0.840/0.865/0.865/0.872 -> 0.845/0.864/0.867/0.874, readability
// 0.862/0.858/0.862/0.859 -> 0.862/0.857/0.863/0.861. Counting only good lines as prose was weaker (trafilatura
// 0.845/0.864/0.865/0.874 with a second feature, the share held by other prose lines; dev left out 0.958); navWords of
// the neighbours too cost dev left out 0.001 more; the segments' mean navWords as a ranker feature changed nothing.
// Lines since the last prose line and until the next, as line features, changed nothing (trafilatura 5-fold -0.002).
// The edge model (--edge 0.5; notices after the article, teasers before it: of the snippet set's kept "without"
// snippets, most lie after its last "with" one) over navWords: dev 0.958/0.960/0.960/0.960 -> 0.957/0.960/0.960/0.960,
// trafilatura 0.845/0.864/0.867/0.874 -> 0.846/0.865/0.867/0.877, readability 0.862/0.857/0.863/0.861 ->
// 0.862/0.856/0.862/0.861. The last lines alone (no head): trafilatura 0.848/0.866/0.867/0.876, dev 5-fold 0.959;
// --edge 0.4: dev 0.956/0.957/0.958/0.959; 0.65 (last lines alone): about navWords alone; fitted on the full-body
// sets alone (the snippet set labels the last lines mostly where a "without" snippet lies): worse on every set.
// With the edge model, --join 0.6 lifts trafilatura to 0.847/0.866/0.868/0.880 (0.5: 0.845/0.870/0.871/0.883, but dev
// 0.957/0.957/0.959/0.959), but the joins before the chosen segment move the title's search (titles from dumps 310 ->
// 305 of 424, below the floor); joins after it alone at 0.5 or 0.6 gain 0.001 on trafilatura (0.878). Not kept:
// --edge 0.45 (trafilatura 0.847/0.866/0.867/0.877, the rest level) and 0.55 (dev by site 0.959); whether furniture,
// an insert or an end line parts the edge line from the body as an edge feature (trafilatura trained on all 0.878,
// readability 5-fold 0.857, the rest level, but it trimmed the last paragraph of a sample article).
// Tried after the join at 0.6 and not kept (left out / 5-fold / by site / trained on all, against dev 0.958/0.960/0.960/0.960,
// trafilatura 0.847/0.866/0.868/0.880, readability 0.862/0.856/0.866/0.860). Ranker features: the mean capped context
// score of a segment's good lines (goodOdds; a notice or a cookie or login box of one or two sure lines) with
// --rank-l2 2e-3: dev 0.957/0.959/0.959/0.960, trafilatura 0.847/0.868/0.869/0.882, readability 0.863/0.859/0.867/0.867,
// but its join took another article into a seed page (seeds body F1 1 -> 0.936) and moved the date search on others
// (snippet dates 291 -> 289 of 358); with the join model kept off it, trafilatura by site stayed 0.868 and dev fell 0.001
// (--rank-l2 2e-3 alone: trafilatura by site 0.867). At --rank-l2 1e-3: goodOdds dev left out 0.957, trafilatura by
// site 0.867; the mean over all its lines, dev left out 0.956; good lines over lines spanned, dev 5-fold 0.958; a
// headline-like line just above it (titled), dev left out 0.956; the same with a date between allowed, with goodOdds,
// trafilatura 0.848/0.870/0.871/0.883 but readability by site 0.863 (one page's continuation after a video no longer
// joined; also at --rank-l2 5e-4, 2e-3 and 4e-3); a date or byline within 3 lines after it, dev left out 0.957. Line
// features: the indent of most rule body lines, a block holding a rule body line, a digit in the line, and the share of
// good lines in its block: every figure within 0.001 but dev left out 0.956 for the last, none lifting trafilatura's 5-fold.
// Rules changed under the models (dump-body.ts), lines and titles retrained in turn until both reproduce their files:
// a page whose text-like lines hold under 12% of their words in lines that end like sentences (a Chinese or Japanese
// blog written a sentence to a line; over the three sets two pages have under 10%, every other one over 15%) takes
// those lines as text without a sentence end, and an image's file name alone on a line is no subheading. Left out /
// 5-fold / by site / trained on all, against the figures above: dev 0.958/0.960/0.960/0.960 -> 0.958/0.960/0.959/0.960,
// trafilatura 0.847/0.866/0.868/0.880 -> 0.846/0.866/0.869/0.881, readability 0.862/0.856/0.866/0.860 ->
// 0.870/0.864/0.874/0.868 (rules alone 0.824 -> 0.833). Image file names as furniture instead (out of the smoothing's
// path) lifted readability 0.001-0.002 more but cost trafilatura left out 0.002 (0.845).
// Tried after it and not kept (left out / 5-fold / by site / trained on all, against dev 0.958/0.960/0.959/0.960,
// trafilatura 0.846/0.866/0.869/0.881, readability 0.870/0.864/0.874/0.868): the mean capped context score of a
// candidate's good lines as a join feature: dev 0.958/0.959/0.960/0.960, trafilatura 0.846/0.868/0.870/0.881,
// readability 0.870/0.865/0.875/0.869 (snippets tp 1263 -> 1270), but its joins above the ranker's segment moved the
// date search (snippet dates 291 -> 289 of 358, below the floor; looking for dates around the ranker's segment instead
// gave 290, as another page's date heads a segment joined above); the same on joins below only: trafilatura
// 0.846/0.868/0.868/0.880, dev left out 0.957. Near-text lines going on in the last paragraph's block after the
// segment taken by the rules: dev 0.958/0.960/0.960/0.960, trafilatura 0.845/0.866/0.869/0.880, readability
// 0.870/0.865/0.875/0.868. Without retraining: CJK characters counted as 1/1.5 or 1 word instead of 1/2 (readability
// 0.868 -> 0.863 / 0.865: a Japanese portal's long teaser headlines become text lines), and list-like blocks whose own
// lines mostly read as text (10 words, stop words) judged line by line (dev 0.960 -> 0.958).
// leadIn, a join feature (text that ends on a colon, in most scripts' forms, on a line other than a bad one: the
// earlier segment's last line or one between, but not the line just before the later segment, which leads in to that
// segment: "Share this:"), for an article parted by a code block or a video it leads in to. Left out / 5-fold / by site
// / trained on all: dev 0.958/0.960/0.959/0.960 -> 0.959/0.960/0.960/0.960, trafilatura 0.846/0.866/0.869/0.881 ->
// 0.847/0.867/0.868/0.882, readability 0.870/0.864/0.874/0.868 -> 0.870/0.865/0.874/0.869 (snippets 1263 -> 1266 found,
// 123 -> 122 wrongly; dates and titles level). Not kept: with lines holding code characters ({ } ; = < >) not counted
// as headline-like between, dev 0.959/0.960/0.960/0.960, trafilatura 0.847/0.866/0.869/0.883, readability
// 0.870/0.865/0.874/0.868, but a page whose ranker takes a comment thread no longer joins the article above it (snippet
// dates 291 -> 290 of 358, its body's snippets 3 of 3 -> 0); with the line just before the later segment as a lead-in
// too, the same figures, but a "Share this:" joined a site's blurb across its menu. On top of those two, each: prose
// lines (good, neargood) alone as lead-ins, trafilatura left out 0.845, readability by site 0.871; the share of the
// lines between that hold code characters as a feature, dev left out 0.957 (with the share of lines under 3 words
// between, a video player's controls, dev 0.956/0.960/0.959/0.958: menus are such lines too); the share of the
// candidate's words that the joined segments hold less the share the rest of the page holds (parts of one topic), dev
// left out 0.958, readability by site 0.870. Readability's two pages parted by a code block or a video player still
// stay apart (join probability 0.26 and 0.28 against 0.6). The date search anchored to the ranker's segment instead of
// the joined one (so that joins cannot move it) cost a date (291 -> 290 of 358 under the shipped date model, both
// before and with leadIn): on that page the ranker takes a comment thread and the joins reach the article's dated
// header above it.
// With leadIn, --join 0.55: dev 0.958/0.960/0.959/0.960, trafilatura 0.848/0.867/0.870/0.884, readability
// 0.870/0.865/0.874/0.868 (dev left out and by site 0.001 lower, readability trained on all 0.869 -> 0.868): not kept.
// With leadIn, lines holding code, markup or a web address ({ } ; = < > ://) not counted as headline-like between:
// dev level, trafilatura 0.848/0.866/0.869/0.883, readability 0.870/0.865/0.874/0.868 (snippets 122 -> 123 wrongly,
// readability's scorer 0.869 -> 0.868): not kept.
// Why trafilatura left out (0.846) fell short of the by-site folds (0.869) and training on all (0.881), as measured
// on the models above: precision (left out P 0.854, by site 0.901; recall 0.838 both) and language. By the record's
// language, left out / by site: German pages (347) 0.847/0.875, other languages but English (63) 0.841/0.859, English
// (85) 0.845/0.849. Of the "without" snippets kept left out and not in the 5-fold (80, against 9 the other way), most
// are German, Spanish or Polish notices, share, comment and teaser-heading lines ("Teilen", "Schreibe einen
// Kommentar", "Mehr zum Thema") in the rules' body. Model parts swapped one at a time between the model left out and
// the by-site models (trafilatura scored by site folds, 0.846 left out against 0.868): the line model given the choice
// carries most (the left-out model with the by-site one's: 0.858, P 0.888; the by-site one with the left-out one's:
// 0.854), then the edge model (0.852 in, 0.867 out); the word weights 0.846 in, 0.863 out; context scores, ranker and
// join within 0.003; all but the word weights 0.863 in. The line model left out trusts the rules' body far more
// (weights left out / trained on all: ruleBody 1.93/1.02, inMain 0.60/0.03, ruleBodyNear 1.02/0.61, ruleBody@2
// 0.56/0.04, repeated 1.18/-0.06): the rules' phrase lists (data/boilerplate.json) are English, so on the English
// pages they have taken such lines out of the rules' body already (its labelled lines are body at 0.97 of their
// weight on dev, 0.91 on readability, 0.84 on trafilatura), and a model that saw no other language learns that what
// the rules keep is body. Tried and not kept (left out / 5-fold / by site / trained on all, against dev
// 0.958/0.960/0.959/0.960, trafilatura 0.846/0.866/0.869/0.881, readability 0.870/0.864/0.874/0.868): full-body lines
// weighing the square root or log of their words instead of their words (short lines count as much as a snippet):
// trafilatura left out 0.841/0.840; a repeated text labelled body at its first copy only (two dev pages hold their
// article as one line printed twice, which teaches that repeated lines are body): trafilatura 0.844/0.869/0.866/0.879;
// the repeated feature always 0: trafilatura left out 0.847, dev 0.956; wordOdds less its page's mean: trafilatura
// 0.844/0.867/0.866/0.875, readability by site 0.869; dev pages at half weight (the rules were written on them):
// trafilatura 0.845/0.868/0.867/0.881. Foreign twins (--foreign W, addForeignTwins: each page read again with the
// phrase lists empty, learned from at W the page's weight by the models after the word weights) close much of the gap:
// at 0.5, twins of every page: dev 0.957/0.959/0.960/0.960, trafilatura 0.853/0.867/0.869/0.880, readability
// 0.870/0.866/0.871/0.869; with their word weights scrambled too (a fixed shuffle of the buckets, as a language the
// weights never saw gets them): dev 0.959/0.959/0.959/0.960, trafilatura 0.855/0.866/0.869/0.876, readability
// 0.869/0.865/0.868/0.868 (scrambled word weights alone: trafilatura left out 0.844); twins only of the pages whose
// lines the lists change: dev 0.957/0.959/0.960/0.961, trafilatura 0.853/0.868/0.868/0.882, readability
// 0.871/0.865/0.870/0.870, but the ranker's choice moves the title's search (titles from dumps 310 -> 307 of 424,
// below the floor); the same at 1: dev 0.957/0.958/0.960/0.960, trafilatura 0.859/0.870/0.866/0.882, readability
// 0.871/0.864/0.871/0.871. Kept: the twins of the pages whose lines the lists change, learned from by the line and edge
// models only (the context scores, ranker and join, and so the segment chosen, titles and dates, stay as they were),
// at 0.25: dev 0.958/0.960/0.959/0.960 -> 0.958/0.960/0.960/0.960, trafilatura 0.846/0.866/0.869/0.881 ->
// 0.850/0.867/0.868/0.881, readability 0.870/0.864/0.874/0.868 -> 0.870/0.866/0.874/0.868; trafilatura left out /
// by site by language: German 0.847/0.875 -> 0.851/0.875, others but English 0.841/0.859 -> 0.848/0.859, English
// 0.845/0.849 -> 0.846/0.848. At 0.35: trafilatura 0.851/0.869/0.867/0.881 (by site -0.002); at 0.4: dev left out 0.957,
// trafilatura 0.852/0.869/0.868/0.882, readability 5-fold 0.865 (within a page of 0.25 everywhere). The same at 0.5:
// trafilatura 0.851/0.869/0.868/0.882, dev left out 0.957, but a seed page's image alt text came into its body
// (seeds body F1 1 -> 0.998); the edge model alone at 0.5: trafilatura 0.850/0.868/0.869/0.881, dev trained on all
// 0.959, readability 5-fold 0.863.
// Tried and not kept (articles written as bullet lists, whose items the rules set aside as a list block): list items
// that read as prose (at least 15 words, stop words, not cut short, no time of day at the end) made good lines where
// there are 2 or more in a block and they are most of its list items, on a page whose prose items hold more words
// than its text lines that end like sentences. Rules alone, under the shipped models: readability 0.869 -> 0.875 (a
// blog of news in bullets 0.28 -> 0.65), dev 0.960 level, snippets 1266 -> 1266 found (one more "without"); at 10
// words: readability 0.877 (that page 0.82), dev 0.963, snippets 1268, titles 311 -> 310. Retrained, left out /
// 5-fold / by site / trained on all, against dev 0.958/0.959/0.960/0.960, trafilatura 0.850/0.869/0.867/0.882,
// readability 0.870/0.864/0.874/0.869: 15 words, dev 0.958/0.960/0.960/0.961, trafilatura 0.848/0.869/0.867/0.880,
// readability 0.873/0.873/0.877/0.874, titles from dumps 309 (308 with the title model retrained; the floor is 310);
// 3 items a block: trafilatura 0.848/0.869/0.866/0.881, titles 309; 10 words: dev 0.960/0.962/0.963/0.963,
// trafilatura 0.847/0.869/0.868/0.881, readability 0.874/0.875/0.880/0.877, titles 308 (305 with the title model
// retrained, dates 285 -> 287); 10 words, 3 items a block: dev 0.960/0.962/0.963/0.963, trafilatura
// 0.848/0.870/0.868/0.883, readability 0.876/0.875/0.879/0.877, titles 309 (306 with the title model retrained, dates
// 291). The rule changes one snippet page; trafilatura's left-out figure and the titles
// move with the models retrained on the full-body sets' newly good lines. Without the page's condition a list of
// related headlines glued to their photos' captions became body on two dev pages (retrained: dev
// 0.956/0.956/0.958/0.958); without the time at the end a Japanese portal's ranking lists joined its article.
// Kept instead (dump-body.ts, isProseItem): such items (15 words or more, stop words, not cut short) are body only
// inside the main segment, in the rules' body (bodyLines) rather than as good lines, so the segments, and with them
// the ranker, the title's and the date's search, stay as they were (titles 311 and dates 285 from dumps, both models
// retrained to the same files); their lists may hold a button or caption, or follow no paragraph, unlike
// isListText's. Of the list items of 15 words or more in the main segment, 33 of 35 are body over the three sets (of
// 10 or more, 82 of 99: headlines of other stories). Left out / 5-fold / by site / trained on all: dev
// 0.958/0.959/0.960/0.960 -> 0.958/0.959/0.960/0.961, trafilatura 0.850/0.869/0.867/0.882 -> 0.850/0.868/0.867/0.882,
// readability 0.870/0.864/0.874/0.869 -> 0.874/0.866/0.877/0.871 (rules alone level: 0.959, 0.830, 0.833). At 10
// words: readability 0.876/0.867/0.879/0.872, trafilatura by site 0.869, but dev left out 0.957 (teaser headlines
// in lists under dev articles). Tried with it and not kept: unmarkedBody, a line feature (a rules' body line on
// a page where the phrase lists found no insert or end marker: 376 of 411 trafilatura pages not in English, 35 of
// 84 in English; the foreign twins have none), so that the line model could trust the rules' body less where the
// English lists cleared nothing (10 words): at --foreign 0.25, dev 0.957/0.959/0.960/0.961, trafilatura
// 0.850/0.869/0.868/0.883, readability 0.875/0.865/0.879/0.872; at 0.5, trafilatura 0.851/0.870/0.868/0.883
// (left out P 0.877, R 0.827); at 1, dev 0.956/0.959/0.960/0.960, trafilatura 0.851/0.872/0.868/0.884 (left out P
// 0.882, R 0.823: the notices go, and German body lines with them), readability 0.875/0.865/0.879/0.874; the same
// with --add 0.75, trafilatura 0.850/0.873/0.870/0.882. A list-item feature for the line model instead of the rule
// (the same items, 10 words, in the main segment): weight 0.28, every figure within 0.001 of before (the add
// threshold, 0.8, keeps out lines the rules left). Long furniture paragraphs (20 words or more, matching a notice
// pattern such as "terms of service" inside a sentence): in the main segment 1 of 10 is body on dev, 8 of 8 on
// readability (whose gold keeps captions): not a general rule. With the rule, a join feature, the share of the words
// between in lines that read as text (a bullet-list article's items between its parts; not a video player's
// controls or code): weight 0.40, a bullet-list page's later part still at join probability 0.23; dev
// 0.958/0.959/0.960/0.961, trafilatura 0.850/0.868/0.868/0.882, readability 0.874/0.866/0.877/0.870: not kept.
// Trafilatura left out against by site, with the rule: of the snippets that differ (89 pages), 56 more "without"
// ones kept left out and 2 fewer "with" ones found, most after the article's end ("you may also like" headings in
// German, donation and privacy notices), which the English end markers take out of English pages before the models
// learn. The edge model learning from the foreign twins at their pages' full weight (the line model's at 0.25):
// dev 0.958/0.959/0.960/0.960, trafilatura 0.850/0.869/0.867/0.883 (left out P 0.866 -> 0.877, R 0.834 -> 0.825:
// it trims body lines too), readability 0.874/0.865/0.877/0.874: not kept.
// The phrase lists (data/boilerplate.json) translated into German, French, Spanish, Italian, Portuguese, Polish, Dutch
// and Russian (insert and end headings, lead-ins, labels, comment counts, copyright, cookie and newsletter notices,
// share buttons; the commonest headings in Arabic, Chinese, Japanese and Korean too), as the HTML lists are (branch
// multilingual-lists). Of the labelled lines they newly mark, trafilatura 282 are not body and 12 are (headlines under
// an insert heading), dev 55 and 2, readability 34 and 1; rules alone: trafilatura 0.830 -> 0.839, dev and readability
// level. Retrained, left out / 5-fold / by site / trained on all, against dev 0.958/0.959/0.960/0.961, trafilatura
// 0.850/0.868/0.867/0.882, readability 0.874/0.866/0.877/0.871: dev 0.957/0.958/0.958/0.959, trafilatura
// 0.860/0.875/0.874/0.887, readability 0.874/0.873/0.869/0.870; at --l2 5e-4 (the best summed CV figure there): dev
// 0.957/0.957/0.959/0.960, trafilatura 0.859/0.880/0.877/0.890, readability 0.874/0.869/0.874/0.872 (snippets from
// dumps 0.890, titles 311, dates 285); with --rank-l2 1e-3 and --foreign 0.5 too, readability 0.875/0.873/0.872/0.878,
// dev trained on all 0.959. Not kept: over --edge 0.4-0.6, --join 0.6-0.8, --keep 0.2-0.3, --change 0.75, --word-l2
// 3e-3 and --foreign 0.15-0.5, dev trained on all stays 0.958-0.960 (its floor is 0.961; 0.961 only at --join 0.8
// with --edge 0.55, where trafilatura falls to 0.880). The dev pages move by the models, not the rules: the join
// model's bias goes from -0.04 to 0.94 (a German "Mehr zum Thema" gap is marked now, so an unmarked gap reads as an
// article's continuation), joining a one-line promotion above a news article across its video player, and the edge
// model's from 0.76 to 1.03, cutting a list of tour dates after its first item on two pages. A join feature to tell
// that promotion from a continuation, the share of the next segment's distinct words (lineWords) that the main text
// holds, each word weighing the log of how few of the page's lines hold it (branch join-overlap): with the lists at
// --l2 5e-4, dev 0.957/0.957/0.959/0.959, trafilatura 0.860/0.880/0.876/0.891, readability 0.874/0.873/0.875/0.874 (the
// promotion still joins: it shares 0.45 of its weighted words with the article, and an article's continuation after a
// video player, on a readability page, only 0.25); without the lists, dev 0.958/0.959/0.960/0.960 and the rest within
// 0.001. With the lists and --balance, dev 5-fold 0.933. Without word weights (--word-l2 1), trafilatura
// 0.847/0.865/0.862/0.870: the hashed words help even on the set left out, in other languages than the sets trained on.
// Kept since, with the lists: the join model labelled by what a join adds to the rules' body (bodyLines of the joined
// segments less the body before; the lines between count with the segment's own, so a one-line promotion joined
// across a row of teasers is worth less than nothing) rather than by the segment's own lines; its features on each
// side apart (a copy of each but bias and after that is 0 below the ranker's choice: what the text between tells
// differs above and below the article); gapProseShare, a join feature (the share of the words a join brings that are
// in prose lines between, teasers and promotions rather than a video player's controls or code); innerLike, an edge
// feature (the edge line and the body line inward of it both end without a full stop and are about as long: one more
// item of a list, a tour's dates, not a notice); --join 0.65 and --edge 0.55. Left out / 5-fold / by site / trained
// on all, against the code before (no lists, dev 0.958/0.959/0.960/0.961, trafilatura 0.850/0.868/0.867/0.882,
// readability 0.874/0.866/0.877/0.871): dev 0.959/0.960/0.959/0.961, trafilatura 0.858/0.874/0.874/0.886,
// readability 0.871/0.873/0.870/0.871; mine extract on the snippet set 0.882 -> 0.886, titles 311 of 424 level
// (title model retrained: 5-fold 292 -> 297), dates 285 -> 286 of 358 (date model retrained). On the way, each
// measured with the lists and the settings before them (--join 0.6, --edge 0.5): the lists alone, dev
// 0.957/0.958/0.958/0.959; with innerLike, 0.958/0.958/0.959/0.959 (a tour's dates no longer trimmed); with the
// sided join features, dev 0.957/0.958/0.959/0.960, trafilatura 0.861/0.877/0.877/0.888; with gapProseShare,
// trafilatura 0.861/0.878/0.876/0.889; those at --join 0.65 and --edge 0.55, dev 0.958/0.958/0.959/0.959. Not kept:
// the mean context score of the segment's good lines as a join feature (readability trained on all 0.878: a code
// block's and a bullet list's later parts joined; but it joined a second article glued on below a sample's, whose
// prose reads as well as the first's), and the lines between labelled by their own lines' labels where not bad or
// furniture rather than by the rules' body (dev 0.959/0.959/0.959/0.960, trafilatura 0.859/0.873/0.874/0.885).
// Tried after the multilingual lists and not kept (left out / 5-fold / by site / trained on all, against dev
// 0.959/0.960/0.959/0.961, trafilatura 0.858/0.874/0.874/0.886, readability 0.871/0.873/0.870/0.871): lines holding
// code or markup ({ } ; = < >) not counted as headline-like between segments (a code block parted a blog's article):
// readability trained on all 0.875, its CV figures level, trafilatura left out 0.857; the same in segmentTraits too:
// trafilatura 0.854/0.873/0.876/0.885, readability by site 0.868; the ranker without the rules' choice (ruleMain, and
// ruleShare too): trafilatura left out 0.855 both ways (where the model left out follows the rules, on 12 German blog
// pages, they chose a comment-form notice, a bio or a sidebar; the ranker left out learns to follow them because on
// the dev pages they were written for they are right); WordPress's comment-form notices ("Your email address will not
// be published", in nine languages) as furniture: rules alone trafilatura 0.839 -> 0.840, but by site 0.872 and
// readability left out 0.869; a date line in any language (isDateOnly) as a dated line: dev trained on all 0.960,
// trafilatura 0.856/0.874/0.871/0.885, readability 0.869/0.867/0.867/0.868.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bodyLines } from '../dist/src/extract/dump-body.js';
import { chooseMain, contextFeatures, contextScores, FEATURES, JOIN_FEATURES, joinFeatures, lineFeatures, SEGMENT_FEATURES, segmentFeatures, smoothedBody, EDGE_FEATURES, edgeRows } from '../dist/src/extract/line-model.js';
import { lineWords, WORD_BUCKETS } from '../dist/src/extract/lines.js';
import { boilerplate } from '../dist/src/extract/boilerplate.js';
import { extractFromDump, readDump, ruleView, segmentTitle } from '../dist/src/extract/text-dump.js';
import { siteOf } from './site-of.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const folds = Number(opt('--folds', '5'));
// The model's probability below which a rules' body line is dropped, and above which another line is added.
const keep = Number(opt('--keep', '0.25'));
const add = Number(opt('--add', '0.8'));
// What each change between body and other text along the page costs, in log-odds (the smoothing in modelBody).
const change = Number(opt('--change', '0.5'));
// The join model's probability above which a segment next to the main one is joined to it.
const join = Number(opt('--join', '0.65'));
// The edge model's probability above which the body's first or last line is trimmed (1: no edge model).
const edge = Number(opt('--edge', '0.55'));
// L2 penalties per page of training data on the line models' weights (not the bias) and on the segment ranker's.
const l2 = Number(opt('--l2', '1e-3'));
const rankL2 = Number(opt('--rank-l2', String(l2)));
// L2 penalty per labelled line on the word weights.
const wordL2 = Number(opt('--word-l2', '5e-3'));
// Weight of each page's foreign twin in training, against the page's own 1 (0: none; see addForeignTwins).
const foreign = Number(opt('--foreign', '0.25'));
// With --balance every set weighs the same in training (its pages share it), not every page.
const balance = args.includes('--balance') ? (args.splice(args.indexOf('--balance'), 1), true) : false;
const out = opt('--out', null);
// --bodies DIR writes the bodies scored, DIR/<set>/<rules|leave-one-set-out|k-fold|all>/<id>.txt, for a look page by page.
const bodiesDir = opt('--bodies', null);
if (args.length === 0) {
  console.error('usage: node scripts/train-lines.mjs SET_DIR... [--folds K] [--keep P] [--add P] [--change C] [--join P] [--edge P] [--l2 L] [--rank-l2 L] [--balance] [--word-l2 L] [--foreign W] [--bodies DIR] [--out FILE]');
  process.exit(2);
}

const TOKEN = /[\p{L}\p{N}_]+/gu;
const tokens = (text) => text.match(TOKEN) ?? [];
const norm = (text) => text.replace(/\s+/gu, ' ').trim();

/** Labels from a full body: a line is body when most of its 4-grams (or, if shorter, its words in a row) are in the gold. */
function fullLabels(lines, gold) {
  const goldTokens = tokens(gold);
  const grams = new Set();
  for (let n = 1; n <= 4; n++) for (let i = 0; i + n <= goldTokens.length; i++) grams.add(goldTokens.slice(i, i + n).join('\0'));
  return lines.map((line) => {
    const t = tokens(line.text);
    if (t.length === 0) return { label: 0, weight: 0 };
    if (t.length < 4) return { label: grams.has(t.join('\0')) ? 1 : 0, weight: t.length };
    let hits = 0;
    for (let i = 0; i + 4 <= t.length; i++) if (grams.has(t.slice(i, i + 4).join('\0'))) hits++;
    return { label: hits * 2 >= t.length - 3 ? 1 : 0, weight: t.length };
  });
}

/** Labels from snippets: the lines each snippet lies on (in the lines joined by spaces). */
function snippetLabels(lines, gold) {
  const labels = lines.map(() => ({ label: 0, weight: 0, with: false, without: false }));
  const texts = lines.map((l) => norm(l.text));
  const starts = [];
  let joined = '';
  for (const t of texts) {
    starts.push(joined.length);
    joined += t + ' ';
  }
  const mark = (snippet, key) => {
    const s = norm(snippet);
    for (let at = joined.indexOf(s); s && at >= 0; at = joined.indexOf(s, at + 1)) {
      for (let i = 0; i < lines.length; i++) if (starts[i] < at + s.length && starts[i] + texts[i].length > at) labels[i][key] = true;
    }
  };
  gold.with.forEach((s) => mark(s, 'with'));
  gold.without.forEach((s) => mark(s, 'without'));
  for (const l of labels) if (l.with !== l.without) [l.label, l.weight] = [l.with ? 1 : 0, 1];
  return labels;
}

/**
 * Every page of the sets: its lines, segments and labels, each segment's features and worth (its lines' labels,
 * +weight for body, -weight for not), and what scoring it needs.
 */
function loadSet(dir) {
  const name = path.basename(path.resolve(dir));
  const pages = [];
  for (const f of fs.readdirSync(path.join(dir, 'gold')).filter((f) => f.endsWith('.json')).sort()) {
    const id = f.slice(0, -5);
    const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold', f), 'utf8'));
    const page = { file: `${id}.txt`, content: fs.readFileSync(path.join(dir, 'dumps', `${id}.txt`), 'utf8'), format: 'text' };
    pages.push(labelledPage({ id, set: name, page, gold }));
  }
  return { name, dir, full: pages.some((p) => 'articleBody' in p.gold), pages };
}

/** What a labelled line adds to the worth of text that holds it: its weight, less for a line that is not body. */
const worthOf = (l) => (l.label ? l.weight : -l.weight);

/** A page read as the rules read it now, with its labels and what training and scoring need. */
function labelledPage({ id, set, page, gold }) {
  const dump = readDump(page, RULES);
  const p = { id, set, page, gold, dump, labels: [], words: [], wordWeights: [], context: new Float64Array(0), worth: [], byMain: new Map(), ruleText: '' };
  if (dump) {
    const { lines, segments, main } = dump;
    p.labels = 'articleBody' in gold ? fullLabels(lines, gold.articleBody) : snippetLabels(lines, gold);
    const total = p.labels.reduce((n, l) => n + l.weight, 0);
    for (const l of p.labels) l.weight = total ? l.weight / total : 0;
    p.words = lines.map(lineWords);
    p.worth = segments.map((s) => p.labels.slice(s.first, s.last + 1).reduce((n, l) => n + worthOf(l), 0));
    p.ruleText = bodyLines(lines, main).map((l) => l.text).join('\n');
  }
  return p;
}

/**
 * Each page's foreign twin (p.twin): the page as the rules read it in a language their phrase lists
 * (data/boilerplate.json: notices, share buttons, "Related" and "Comments" headings, in nine languages) do not know, read
 * with those lists empty; none where the lists change no line of the page. The lists are set back after.
 */
function addForeignTwins(pages) {
  const lists = boilerplate();
  const kept = { ...lists };
  const never = { test: () => false };
  Object.assign(lists, { insert: new Set(), end: new Set(), endPattern: never, furniture: never, share: new Set(), about: new Set() });
  const flags = (line) => `${line.kind} ${line.furniture} ${line.insert} ${line.end}`;
  for (const p of pages) {
    const twin = labelledPage(p);
    if (p.dump && twin.dump && !p.dump.lines.every((line, i) => flags(line) === flags(twin.dump.lines[i]))) p.twin = twin;
  }
  Object.assign(lists, kept);
}

/** A page's rules' view and line features when the main article's segment is the one these models choose (chooseMain). */
function lineData(p, model) {
  const { lines } = p.dump;
  const { main, segments, ranked } = chooseMain(lines, p.dump.found, { ...model, wordWeights: p.wordWeights });
  const key = `${main.first}:${main.last}:${ranked.first}`;
  if (!p.byMain.has(key)) {
    const title = segmentTitle(lines, p.dump.found, ranked, new Set())?.line ?? null;
    const rules = ruleView(segments, main, bodyLines(lines, main), title);
    p.byMain.set(key, { rules, features: lineFeatures(lines, rules, p.wordWeights) });
  }
  return p.byMain.get(key);
}

/**
 * The edge model: a logistic regression of whether the body's first or last line (once the lines beyond it are
 * trimmed) is not body, on the labelled lines among the TRIM_LINES at each end of the smoothed body, from the end
 * inward up to the first body one.
 */
function fitEdges(pages, model) {
  const data = [];
  for (const p of pages) {
    const { lines } = p.dump;
    const { body, gain } = smoothedBody(lines, lineData(p, model).rules, { ...model, wordWeights: p.wordWeights });
    const [features, labels] = [[], []];
    for (const head of [false, true]) {
      const rows = edgeRows(lines, body, gain, head);
      for (let j = 0; j < rows.length; j++) {
        const { label, weight } = p.labels[body[head ? j : body.length - 1 - j]];
        if (!weight) continue;
        features.push(...rows[j]);
        labels.push({ label: 1 - label, weight });
        if (label) break;
      }
    }
    if (labels.length) data.push({ features: Float64Array.from(features), labels, weight: p.weight });
  }
  return fitWeights(data, EDGE_FEATURES.length);
}

const SEGMENT_WIDTH = SEGMENT_FEATURES.length;
/** The model that keeps the rules' choice of segment: data/line-model.json may not be trained yet. */
const RULES = { contextWeights: FEATURES.map(() => 0), segmentFeatures: SEGMENT_FEATURES, segmentWeights: SEGMENT_FEATURES.map((f) => (f === 'ruleMain' ? 1 : 0)), joinFeatures: JOIN_FEATURES, joinWeights: [], join: 0, wordWeights: [] };

/** The segments' features on a page given the context model's weights. */
const segmentsOf = (p, contextWeights) => segmentFeatures(p.dump.lines, p.dump.segments, contextScores(p.dump.lines, contextWeights, p.wordWeights));

/** The segment the ranker's weights score highest (an index into the page's segments), and all segments' features. */
function rankMain(p, contextWeights, weights) {
  const features = segmentsOf(p, contextWeights);
  let [main, best] = [0, -Infinity];
  for (let k = 0; k < p.dump.segments.length; k++) {
    let z = 0;
    for (let f = 0; f < SEGMENT_WIDTH; f++) z += features[k * SEGMENT_WIDTH + f] * weights[f];
    if (z > best) [main, best] = [k, z];
  }
  return { main, features };
}

/**
 * The join model: a logistic regression of whether a segment next to the ranker's choice (and those joined to it)
 * is more of the article: whether joining it makes the rules' body worth more (its labelled lines, body or not,
 * between the segments too) or less, each join weighing that change; outward from the ranker's choice while the
 * labels say join.
 */
function fitJoin(pages, contextWeights, segmentWeights) {
  const data = [];
  for (const p of pages) {
    const { lines, segments } = p.dump;
    if (segments.length < 2) continue;
    const { main, features } = rankMain(p, contextWeights, segmentWeights);
    const rows = [];
    const labels = [];
    let [first, last] = [main, main];
    // What the rules' body of segments a..b is worth (its lines' labels, as p.worth): a join is worth what it adds to
    // the body, the text between the segments with the segment's own (a promotion joined across teasers costs those).
    const indexOf = new Map(lines.map((l, i) => [l, i]));
    const bodyWorth = (a, b) => bodyLines(lines, { first: segments[a].first, last: segments[b].last, score: 0, goodLines: 0 }).reduce((n, l) => n + worthOf(p.labels[indexOf.get(l)]), 0);
    const tryJoin = (k) => {
      const row = joinFeatures(lines, segments, first, last, k, features);
      const worth = row ? bodyWorth(Math.min(first, k), Math.max(last, k)) - bodyWorth(first, last) : 0;
      if (worth === 0) return false;
      rows.push(...row);
      labels.push({ label: worth > 0 ? 1 : 0, weight: Math.abs(worth) });
      return worth > 0;
    };
    while (first > 0 && tryJoin(first - 1)) first--;
    while (last + 1 < segments.length && tryJoin(last + 1)) last++;
    if (labels.length) data.push({ features: Float64Array.from(rows), labels, weight: p.weight });
  }
  return fitWeights(data, JOIN_FEATURES.length);
}

/**
 * The segment ranker: a conditional logit (softmax over each page's segments) fitted by Newton's method, the target
 * being the segments of most worth, on pages where one is worth more than the others.
 */
function fitRanker(pages, contextWeights) {
  const cases = pages.filter((p) => p.dump && p.dump.segments.length > 1 && Math.max(...p.worth) > 0).map((p) => ({ ...p, segmentFeatures: segmentsOf(p, contextWeights) }));
  const w = RULES.segmentWeights.slice();
  const lambda = rankL2 * cases.reduce((n, p) => n + p.weight, 0);
  for (let iter = 0; iter < 30; iter++) {
    const grad = w.map((x) => lambda * x);
    const hess = Array.from({ length: SEGMENT_WIDTH }, (_, a) => Array.from({ length: SEGMENT_WIDTH }, (_, b) => (a === b ? lambda : 0)));
    for (const p of cases) {
      const n = p.dump.segments.length;
      const top = Math.max(...p.worth);
      const best = p.worth.map((v) => (v === top ? 1 : 0));
      const target = best.map((b) => b / best.reduce((a, c) => a + c, 0));
      const x = (k) => p.segmentFeatures.subarray(k * SEGMENT_WIDTH, (k + 1) * SEGMENT_WIDTH);
      const z = Array.from({ length: n }, (_, k) => x(k).reduce((s, v, f) => s + v * w[f], 0));
      const zMax = Math.max(...z);
      const e = z.map((v) => Math.exp(v - zMax));
      const sum = e.reduce((a, c) => a + c, 0);
      const prob = e.map((v) => v / sum);
      const mean = new Array(SEGMENT_WIDTH).fill(0);
      for (let k = 0; k < n; k++) for (let f = 0; f < SEGMENT_WIDTH; f++) mean[f] += prob[k] * x(k)[f];
      for (let k = 0; k < n; k++) {
        const xk = x(k);
        for (let a = 0; a < SEGMENT_WIDTH; a++) {
          grad[a] += p.weight * (prob[k] - target[k]) * xk[a];
          for (let b = 0; b < SEGMENT_WIDTH; b++) hess[a][b] += p.weight * prob[k] * (xk[a] - mean[a]) * (xk[b] - mean[b]);
        }
      }
    }
    if (newtonStep(w, hess, grad) < 1e-6) break;
  }
  return w;
}

const WIDTH = FEATURES.length;

/** Logistic regression by Newton's method over pages ({ features, labels, weight }: weighted lines, each page's summing to its weight; `width` features a line, the first the bias). */
function fitWeights(data, width = WIDTH) {
  const w = new Array(width).fill(0);
  const lambda = l2 * data.reduce((n, p) => n + p.weight, 0);
  for (let iter = 0; iter < 25; iter++) {
    const grad = new Array(width).fill(0);
    const hess = Array.from({ length: width }, () => new Array(width).fill(0));
    for (const { features, labels, weight: pageWeight } of data) {
      labels.forEach(({ label, weight: lineWeight }, i) => {
        const weight = lineWeight * pageWeight;
        if (!weight) return;
        const x = features.subarray(i * width, (i + 1) * width);
        let z = 0;
        for (let k = 0; k < width; k++) z += x[k] * w[k];
        const p = 1 / (1 + Math.exp(-z));
        const g = weight * (p - label);
        const h = weight * p * (1 - p);
        for (let a = 0; a < width; a++) {
          if (!x[a]) continue;
          grad[a] += g * x[a];
          for (let b = 0; b < width; b++) hess[a][b] += h * x[a] * x[b];
        }
      });
    }
    for (let k = 1; k < width; k++) {
      grad[k] += lambda * w[k];
      hess[k][k] += lambda;
    }
    hess[0][0] += 1e-9;
    if (newtonStep(w, hess, grad) < 1e-6) break;
  }
  return w;
}

/** Moves the weights by one Newton step; returns the largest change. */
function newtonStep(w, hess, grad) {
  const step = solve(hess, grad);
  let moved = 0;
  for (let k = 0; k < w.length; k++) {
    w[k] -= step[k];
    moved = Math.max(moved, Math.abs(step[k]));
  }
  return moved;
}

/** Solves A x = b by Gaussian elimination with partial pivoting. */
function solve(A, b) {
  const n = b.length;
  const m = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    if (Math.abs(m[c][c]) < 1e-12) continue;
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      if (f) for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    if (Math.abs(m[r][r]) < 1e-12) continue;
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}

const logOdds = (p) => Math.log(p / (1 - p));

/**
 * Word weights: a logistic regression of the labelled lines on their words' shares (each bucket's count over the
 * line's words, so that a line's score is the mean weight of its words, as wordOdds reckons it), fitted by AdaGrad
 * over the lines in page order, ten passes, each line weighing its label's weight over the mean.
 */
function fitWords(pages) {
  const [weights, squares] = [new Float64Array(WORD_BUCKETS), new Float64Array(WORD_BUCKETS).fill(1e-8)];
  let [bias, biasSquares] = [0, 1e-8];
  const cases = pages.flatMap((p) => p.labels.flatMap(({ label, weight }, i) => (weight && p.words[i].length ? [{ words: p.words[i], label, weight: weight * p.weight }] : [])));
  const meanWeight = cases.reduce((n, c) => n + c.weight, 0) / cases.length;
  const RATE = 0.5;
  for (let pass = 0; pass < 10; pass++) {
    for (const { words, label, weight } of cases) {
      const share = 1 / words.length;
      let z = bias;
      for (const b of words) z += weights[b] * share;
      const g = (weight / meanWeight) * (1 / (1 + Math.exp(-z)) - label);
      biasSquares += g * g;
      bias -= (RATE * g) / Math.sqrt(biasSquares);
      for (const b of words) {
        const gb = g * share + wordL2 * weights[b];
        squares[b] += gb * gb;
        weights[b] -= (RATE * gb) / Math.sqrt(squares[b]);
      }
    }
  }
  return Array.from(weights);
}

/**
 * The models in turn: word weights, context scores, the segment ranker on them, and the line model given its choice.
 * The later models learn from word weights fitted without the page's site (the folds by site), as they will meet
 * pages of sites the word weights never saw.
 */
function train(pages) {
  const labelled = pages.filter((p) => p.dump);
  const bySite = Array.from({ length: folds }, (_, f) => fitWords(labelled.filter((p) => siteFoldOf(p) !== f)));
  for (const p of labelled) {
    p.wordWeights = bySite[siteFoldOf(p)];
    p.context = contextFeatures(p.dump.lines, p.wordWeights);
    p.byMain = new Map();
  }
  const contextWeights = fitWeights(labelled.map((p) => ({ features: p.context, labels: p.labels, weight: p.weight })));
  const segmentWeights = fitRanker(labelled, contextWeights);
  const joinWeights = fitJoin(labelled, contextWeights, segmentWeights);
  const chosen = { contextWeights, segmentWeights, joinWeights, join: logOdds(join) };
  // The line and edge models learn from the foreign twins too (addForeignTwins), with their pages' word weights.
  const twins = labelled.filter((p) => p.twin).map((p) => Object.assign(p.twin, { weight: p.weight * foreign, wordWeights: p.wordWeights, byMain: new Map() }));
  const taught = [...labelled, ...twins];
  const weights = fitWeights(taught.map((p) => ({ features: lineData(p, chosen).features, labels: p.labels, weight: p.weight })));
  const smoothing = { ...chosen, weights, keep: logOdds(keep), add: logOdds(add), change };
  const edgeWeights = edge < 1 ? fitEdges(taught, smoothing) : [];
  return { features: FEATURES, weights, contextWeights, segmentFeatures: SEGMENT_FEATURES, segmentWeights, joinFeatures: JOIN_FEATURES, joinWeights, join: logOdds(join), keep: logOdds(keep), add: logOdds(add), change, edgeFeatures: EDGE_FEATURES, edgeWeights, edge: edge < 1 ? logOdds(edge) : 0, wordWeights: fitWords(labelled) };
}

/** The body mine extracts with this model (null: the rules alone). */
function bodyOf(p, model) {
  if (!model) return p.ruleText;
  return extractFromDump(p.page, { allArticles: false, lineModel: model })[0]?.paragraphs.join('\n') ?? '';
}

/** The set's figure on these pages with these bodies (id -> text). */
function score(set, pages, bodies) {
  if (set.full) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lines-'));
    fs.mkdirSync(path.join(work, 'pred'));
    fs.mkdirSync(path.join(work, 'gold'));
    for (const p of pages) {
      fs.writeFileSync(path.join(work, 'pred', `${p.id}.txt`), bodies.get(p.id));
      fs.copyFileSync(path.join(set.dir, 'gold', `${p.id}.json`), path.join(work, 'gold', `${p.id}.json`));
    }
    execFileSync('node', [path.join(set.dir, '..', 'score.mjs'), path.join(work, 'pred'), path.join(work, 'gold'), '--n-bootstrap', '1', '--json', path.join(work, 'score.json')], { stdio: 'ignore' });
    const { f1, precision, recall } = JSON.parse(fs.readFileSync(path.join(work, 'score.json'), 'utf8'));
    fs.rmSync(work, { recursive: true, force: true });
    return { f1, precision, recall };
  }
  let [tp, fp, fn] = [0, 0, 0];
  for (const p of pages) {
    const body = norm(bodies.get(p.id));
    const found = (s) => body.includes(norm(s));
    const w = p.gold.with.filter(found).length;
    tp += w;
    fn += p.gold.with.length - w;
    fp += p.gold.without.filter(found).length;
  }
  return { f1: (2 * tp) / (2 * tp + fp + fn), precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

// The shared folder stands for its three extraction sets, in this order (the order of the sums in training).
const setDirs = args.flatMap((dir) => (fs.existsSync(path.join(dir, 'bench', 'extraction')) ? ['dev', 'trafilatura', 'readability'].map((set) => path.join(dir, 'bench', 'extraction', set)) : [dir]));
const sets = setDirs.map(loadSet);
const all = sets.flatMap((s) => s.pages);
if (foreign > 0) addForeignTwins(all);
for (const set of sets) for (const p of set.pages) p.weight = balance ? all.length / sets.length / set.pages.length : 1;
const hashFold = (key) => {
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % folds;
};
const foldOf = (p) => hashFold(p.id);
const siteFoldOf = (p) => hashFold(siteOf(p.gold.url, p.id));
const fmt = ({ f1, precision, recall }) => `F1 ${f1.toFixed(3)} (P ${precision.toFixed(3)} R ${recall.toFixed(3)})`;
const bodies = (pages, model) => new Map(pages.map((p) => [p.id, bodyOf(p, model)]));

console.log(`${all.length} pages, ${all.reduce((n, p) => n + p.labels.filter((l) => l.weight).length, 0)} labelled lines, ${WIDTH} line features, ${SEGMENT_WIDTH} segment features`);
/** Bodies from K models, each trained on the pages of the other folds: set name -> id -> text. */
function crossBodies(fold) {
  const texts = new Map(sets.map((s) => [s.name, new Map()]));
  for (let f = 0; f < folds; f++) {
    const model = train(all.filter((p) => fold(p) !== f));
    for (const p of all) if (fold(p) === f) texts.get(p.set).set(p.id, bodyOf(p, model));
  }
  return texts;
}
const kfold = crossBodies(foldOf);
const siteFolds = crossBodies(siteFoldOf);
console.log(`${new Set(all.map((p) => siteOf(p.gold.url, p.id))).size} sites`);
/** The model as shipped: weights and thresholds to 4 decimals. */
const rounded = (model) => {
  const round = (x) => Number(x.toFixed(4));
  return { ...model, weights: model.weights.map(round), contextWeights: model.contextWeights.map(round), segmentWeights: model.segmentWeights.map(round), joinWeights: model.joinWeights.map(round), join: round(model.join), edgeWeights: model.edgeWeights.map(round), edge: round(model.edge), keep: round(model.keep), add: round(model.add), wordWeights: model.wordWeights.map((x) => Number(x.toFixed(3))) };
};
const full = rounded(train(all));
for (const set of sets) {
  const others = train(all.filter((p) => p.set !== set.name));
  console.log(`${set.name} (${set.pages.length} pages)`);
  const runs = { rules: bodies(set.pages, null), 'leave-one-set-out': bodies(set.pages, others), 'k-fold': kfold.get(set.name), 'site-folds': siteFolds.get(set.name), all: bodies(set.pages, full) };
  const labels = { rules: 'rules alone', 'leave-one-set-out': 'leave-one-set-out', 'k-fold': `${folds}-fold`, 'site-folds': `${folds}-fold by site`, all: 'trained on all' };
  for (const [run, texts] of Object.entries(runs)) {
    console.log(`  ${labels[run].padEnd(22)} ${fmt(score(set, set.pages, texts))}`);
    if (!bodiesDir) continue;
    const dir = path.join(bodiesDir, set.name, run);
    fs.mkdirSync(dir, { recursive: true });
    for (const [id, text] of texts) fs.writeFileSync(path.join(dir, `${id}.txt`), text);
  }
}
const json = JSON.stringify(full, null, 1) + '\n';
const shippedFile = new URL('../data/line-model.json', import.meta.url);
console.log(`trained on all ${json === fs.readFileSync(shippedFile, 'utf8') ? 'is' : 'is not'} data/line-model.json`);
if (out) {
  fs.writeFileSync(out, json);
  console.log(`wrote ${out}`);
}
