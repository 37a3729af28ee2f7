# fresh.jq - the fresh-seed report (tests/bench/fresh.md) from fresh-pages.jq's records.
# jq -r -n --slurpfile p pages.json with --arg first, date, cores, tess, opts, vopt,
# niceness, cmd and --argjson count, failed_gen, threads_pages (scripts/bench).
$p[0] as $pages
| ($pages | length) as $n

# ---- helpers
| def r(d): if . == null then "–" else (. * pow(10; d) | round / pow(10; d) | tostring) end;
  def mean: if length == 0 then null else add / length end;
  def ratio(a; b): if a == null or b == null or b == 0 then null else a / b end;
  # the values of field f of tool t over the pages given, nulls left out
  def vals(ps; t; f): [ps[] | .tools[t] // empty | f | numbers];
  def m(ps; t; f): vals(ps; t; f) | mean;
  def weighted(ps; t): [ps[] | .tools[t] // empty | select(.gt_chars != null)]
      | if length == 0 then null
        else ((map(.edits) | add) / ([.[].gt_chars] | add)) end;
  def vline: [.vars | to_entries[] | "\(.key)=\(.value)"] | join(" ");
  def yes(f): (f // 0) as $v | ($v | type) == "number" and $v > 0;
  def pl(k; w): "\(k) \(w)\(if k == 1 then "" else "s" end)";

# ---- the page sets
  [$pages[] | select(.tools.tess != null)] as $sub
| [$pages[] | select(.vbody)] as $vert
| ["newsocr", "tess1", "tess", "floor"] as $tools

| def mrow(lbl; f; d):
      "| \(lbl) | " + ([$tools[] as $t
          | (if $t == "tess" then m($sub; $t; f) else m($pages; $t; f) end) | r(d)] | join(" | "))
      + " | \(ratio(m($pages; "newsocr"; f); m($pages; "tess1"; f)) | r(2))"
      + " | \(ratio(m($pages; "newsocr"; f); m($pages; "floor"; f)) | r(2)) |";
  def wrow:
      "| CER, character-weighted | " + ([$tools[] as $t
          | (if $t == "tess" then weighted($sub; $t) else weighted($pages; $t) end) | r(4)]
          | join(" | "))
      + " | \(ratio(weighted($pages; "newsocr"); weighted($pages; "tess1")) | r(2))"
      + " | \(ratio(weighted($pages; "newsocr"); weighted($pages; "floor")) | r(2)) |";
  def maxrow(lbl; f; d):
      def mx(ps; t): vals(ps; t; f) | max;
      "| \(lbl) | " + ([$tools[] as $t
          | (if $t == "tess" then mx($sub; $t) else mx($pages; $t) end) | r(d)] | join(" | "))
      + " | \(ratio(mx($pages; "newsocr"); mx($pages; "tess1")) | r(2))"
      + " | \(ratio(mx($pages; "newsocr"); mx($pages; "floor")) | r(2)) |";

# ---- the targets (issue 11)
  def check(ok; text): (if ok == null then "- [ ] no data: \(text)"
                        elif ok then "- [x] pass: \(text)" else "- [ ] **FAIL**: \(text)" end);
  ([$pages[] | {name, d: ((.tools.newsocr.cer // 1) - (.tools.tess1.cer // 1))}]
   | sort_by(- .d)) as $diffs
| ([$pages[] | select((.tools.newsocr.kendall_tau // 0) < 0.95) | .name]) as $lowtau
| ([$pages[] | .tools.newsocr // empty | .captions_within // 0] | add) as $cw
| ([$pages[] | .tools.newsocr // empty | .captions_located // 0] | add) as $cl
| (ratio(m($pages; "newsocr"; .order_free_error); m($pages; "floor"; .order_free_error))) as $q_ofe
| (ratio(m($pages; "newsocr"; .cer); m($pages; "floor"; .cer))) as $q_cer
| (m($pages; "newsocr"; .kendall_tau)) as $tau
| (vals($pages; "newsocr"; .kendall_tau) | min) as $tau_min
| (m($pages; "newsocr"; .paragraph_integrity)) as $para
| (if $cl > 0 then $cw / $cl else null end) as $capin
| ($diffs | map(select(.d > 0.01))) as $worse
| (ratio(m($pages; "newsocr"; .seconds); m($pages; "tess1"; .seconds))) as $q_time
| (ratio(vals($pages; "newsocr"; .mb) | max; vals($pages; "tess1"; .mb) | max)) as $q_mem

# ---- variation groups: on a page, [[label, whether the page is in the group]]
| def groups: [
      ["photo at a column top", yes(.vars.photo_top)],
      ["photo mid-column", yes(.vars.photo_mid)],
      ["photo at a column bottom", yes(.vars.photo_bottom)],
      ["photo above the head", yes(.vars.photo_above)],
      ["no photo", (yes(.vars.photos) | not)],
      ["lighting: yes", yes(.vars.lighting)], ["lighting: no", (yes(.vars.lighting) | not)],
      ["shadow: yes", yes(.vars.shadow)], ["shadow: no", (yes(.vars.shadow) | not)],
      ["fold: yes", yes(.vars.fold)], ["fold: no", (yes(.vars.fold) | not)],
      ["border: yes", yes(.vars.border)], ["border: no", (yes(.vars.border) | not)],
      ["bleed-through: yes", yes(.vars.bleed)],
      ["yellowed paper", yes(.vars.yellow)],
      ["bilevel (fax-like)", yes(.vars.bilevel)],
      ["skew ≥ 1.5° either way", (((.vars.skew // 0) | fabs) >= 1.5)],
      ["dpi 150–199", ((.vars.dpi // 0) < 200)],
      ["dpi 200–299", ((.vars.dpi // 0) >= 200 and (.vars.dpi // 0) < 300)],
      ["dpi 300–400", ((.vars.dpi // 0) >= 300)],
      (($pages | map(.vars.format // "?") | unique)[] as $f
          | ["format: \($f)", ((.vars.format // "?") == $f)]),
      (($pages | map(.vars.font // "?") | unique)[] as $f
          | ["body font: \($f)", ((.vars.font // "?") == $f)]),
      ["Latin page", yes(.vars.latin)],
      ["Chinese page", (yes(.vars.latin) | not)],
      ["Chinese with Latin words", yes(.vars.latin_in_cjk)],
      ["vertical headlines", yes(.vars.vheads)],
      ["vertical body", .vbody],
      ["boxed articles / ads", (yes(.vars.boxes) or yes(.vars.ads))],
      ["L-shaped articles", yes(.vars.lshapes)],
      ["caption beside a photo", yes(.vars.caption_beside)]
  ];
  def grow(lbl; ps):
      (ps | length) as $k
      | if $k == 0 then empty else
        "| \(lbl) | \($k) | \(m(ps; "newsocr"; .cer) | r(4)) | \(m(ps; "tess1"; .cer) | r(4))"
        + " | \(m(ps; "floor"; .cer) | r(4)) | \(m(ps; "newsocr"; .order_free_error) | r(4))"
        + " | \(m(ps; "floor"; .order_free_error) | r(4)) | \(m(ps; "newsocr"; .kendall_tau) | r(3)) |"
        end;
  def worstrow: "| \(.name) | \(.lang) | \(.tools.newsocr.cer | r(4)) | \(.tools.tess1.cer | r(4))"
      + " | \(.tools.floor.cer | r(4)) | \(.tools.newsocr.kendall_tau | r(3)) | `\(vline)` |";

  def fmtstage(s): s | r(3);

# ---- the report
  "# Benchmark on fresh seeds: newsocr beside plain Tesseract",
  "",
  (if $from == "" then
      "\(pl($n; "random page")) from the fresh seeds \($first)..\(($first | tonumber) + $count - 1)"
      + " (made at run time by `newsocr-synth --random`, never tuned on, never committed;"
      + " \($failed_gen) of \($count) seeds could not be made)"
   else "\(pl($n; "random page")) taken from `\($from)` (seeds from \($first))" end)
  + ", \($date), \($cores) cores,"
  + " \($tess). Made by `\($cmd)`; synthesizer options `\($opts)`"
  + (if $vopt == "" then " (newsocr-synth has no vertical-body mode yet: no vertical pages)" else "" end) + ".",
  "Every page is run as a user runs it, in its language: chi_sim, eng for a Latin page"
  + " (\(pl([$pages[] | select(.lang == "eng")] | length; "page"))), chi_tra for a vertical or"
  + " traditional one (\(pl([$pages[] | select(.lang == "chi_tra")] | length; "page"))); one process per page"
  + " and tool. CER = character error rate of the text in reading order; order-free error ="
  + " what recognition alone costs. Load average met by the timed runs: mean"
  + " \([$pages[].tools[] | .load | numbers] | mean | r(2)), max \([$pages[].tools[] | .load | numbers] | max | r(2))"
  + (if $niceness != "" then " (timed runs at nice \($niceness))" else "" end) + ".",
  "",
  "| metric (mean over pages) | newsocr | tesseract, 1 thread | tesseract, default threads (\(pl($sub | length; "page"))) | recognizer floor | newsocr / tesseract | newsocr / floor |",
  "|---|---|---|---|---|---|---|",
  mrow("CER, reading order"; .cer; 4),
  wrow,
  mrow("order-free error"; .order_free_error; 4),
  mrow("reading order (Kendall tau)"; .kendall_tau; 3),
  mrow("paragraph integrity"; .paragraph_integrity; 3),
  mrow("captions separated"; .caption_separated; 3),
  mrow("captions interrupting body"; .caption_interrupting; 3),
  mrow("captions within body"; .caption_within; 3),
  mrow("spaces between CJK chars (per CJK char)"; .cjk_spacing; 4),
  mrow("seconds per page (wall)"; .seconds; 3),
  maxrow("peak memory, MB (max over pages)"; .mb; 1),
  mrow("peak memory, MB (mean over pages)"; .mb; 1),
  "",
  "On the \(pl($sub | length; "page")) run with Tesseract's default threads too: newsocr"
  + " \(m($sub; "newsocr"; .seconds) | r(2)) s, tesseract 1 thread \(m($sub; "tess1"; .seconds) | r(2)) s,"
  + " default threads \(m($sub; "tess"; .seconds) | r(2)) s per page."
  + " A failed run counts as CER 1 (order-free error 1, tau 0, paragraph integrity 0).",
  "",
  "## Targets (issue 11)",
  "",
  check(if $q_ofe == null then null else $q_ofe <= 1.05 end;
        "order-free error ≤ 1.05 × floor: \($q_ofe | r(3)) ×"),
  check(if $q_cer == null then null else $q_cer <= 1.15 end;
        "CER ≤ 1.15 × floor: \($q_cer | r(3)) ×"),
  check(if $tau == null then null else $tau >= 0.99 end; "tau ≥ 0.99 (mean): \($tau | r(4))"),
  check(if $tau_min == null then null else $tau_min >= 0.95 end;
        "tau ≥ 0.95 on every page: lowest \($tau_min | r(3)), \(pl($lowtau | length; "page")) below"
        + (if ($lowtau | length) > 0 then " (\($lowtau[:12] | join(", "))\(if ($lowtau | length) > 12 then ", …" else "" end))" else "" end)),
  check(if $para == null then null else $para >= 0.90 end;
        "paragraphs intact ≥ 90 % (mean paragraph integrity): \(($para // 0) * 100 | r(1)) %"),
  check(if $capin == null then null else $capin <= 0.02 end;
        "captions inside body ≤ 2 % (of the located captions, those between two pieces of a body paragraph): \($cw) of \($cl), \((($capin // 0) * 100) | r(1)) %"),
  check(($worse | length) == 0;
        "no page more than 1 point of CER worse than plain tesseract: \(pl($worse | length; "page")) worse; largest newsocr − tesseract \(($diffs[0].d // 0) * 100 | r(1)) points"
        + (if ($worse | length) > 0 then " (\($worse[:8] | map(.name) | join(", "))\(if ($worse | length) > 8 then ", …" else "" end))" else "" end)),
  check(if $q_time == null then null else $q_time <= 1.0 end;
        "time ≤ 1.0 × single-thread tesseract: \($q_time | r(3)) ×"),
  check(if $q_mem == null then null else $q_mem <= 1.2 end;
        "peak memory ≤ 1.2 × tesseract: \($q_mem | r(3)) ×"),
  "",
  "## By variation",
  "",
  "Means over the pages of each group (a page is in every group it fits: photo positions overlap).",
  "",
  "| variation | n | CER newsocr | CER tesseract | CER floor | order-free newsocr | order-free floor | tau newsocr |",
  "|---|---|---|---|---|---|---|---|",
  ($pages | map(groups | map(select(.[1]) | .[0])) ) as $in
  | ($pages[0] | groups | map(.[0])) as $labels
  | ($labels[] as $l | grow($l; [range($n) as $i | select($in[$i] | index([$l])) | $pages[$i]])),
  "",
  "## Worst pages",
  "",
  "By newsocr's CER:",
  "",
  "| page | lang | CER newsocr | CER tesseract | CER floor | tau newsocr | variations |",
  "|---|---|---|---|---|---|---|",
  ($pages | sort_by(- (.tools.newsocr.cer // 1)) | .[:10][] | worstrow),
  "",
  "By newsocr's CER less tesseract's (1 thread):",
  "",
  "| page | lang | CER newsocr | CER tesseract | CER floor | tau newsocr | variations |",
  "|---|---|---|---|---|---|---|",
  ($pages | sort_by(- ((.tools.newsocr.cer // 1) - (.tools.tess1.cer // 1))) | .[:10][] | worstrow),
  "",
  "## Vertical pages",
  "",
  (if ($vert | length) == 0 then
      (if $vopt == "" then "None: this checkout's newsocr-synth has no vertical-body mode (the run passes one on with `--vertical-body-share` as soon as `newsocr-synth --help` lists an option `--vertical-body…`)."
       else "None drawn in this run." end)
   else
      "\(pl($vert | length; "page")) with vertical body text, read with -l chi_tra (newsocr, tesseract 1 thread) and with chi_tra_vert (tesseract, 1 thread, PSM 5 and PSM 3). The vertical floor (issue #12's, the one the targets above use for these pages) reads each vertical ground-truth region with chi_tra_vert, PSM 5, the horizontal ones with chi_tra; the column floor is newsocr's own reading given the ground truth's columns (each re-set as a line and read with chi_tra).",
      "",
      "| metric (mean over vertical pages) | newsocr | tesseract chi_tra (PSM 3) | tesseract chi_tra_vert PSM 5 | tesseract chi_tra_vert PSM 3 | vertical floor (chi_tra_vert, GT regions) | column floor (newsocr's reading, GT columns) |",
      "|---|---|---|---|---|---|---|",
      (["CER, reading order", "cer", 4], ["order-free error", "order_free_error", 4],
       ["reading order (Kendall tau)", "kendall_tau", 3], ["paragraph integrity", "paragraph_integrity", 3],
       ["seconds per page", "seconds", 2]) as [$l, $f, $d]
      | "| \($l) | " + ([("newsocr", "tess1", "vert5", "vert3", "floor", "floorcol") as $t | m($vert; $t; .[$f]) | r($d)] | join(" | ")) + " |"
   end),
  "",
  "## newsocr's time by stage (`--timings`, mean seconds per page)",
  "",
  ([$pages[] | .stages // empty]) as $s
  | (["load", "preprocess", "segment", "recognize", "reconstruct", "export", "total"]) as $k
  | ($k | map(. as $x | [$s[] | .[$x] | numbers] | mean)) as $mv
  | ($k | map(. as $x | [$s[] | .[$x] | numbers] | add)) as $sum
  | ("| " + ($k | join(" | ")) + " |"),
    ("|" + ($k | map("---|") | join(""))),
    ("| " + ($mv | map(r(3)) | join(" | ")) + " |"),
    "",
    (if ($sum[6] // 0) > 0 then
        "Shares of the total: preprocessing \(100 * $sum[1] / $sum[6] | r(1)) %, layout and"
        + " reconstruction \(100 * ($sum[2] + $sum[4]) / $sum[6] | r(1)) %, recognition"
        + " \(100 * $sum[3] / $sum[6] | r(1)) %, loading and export \(100 * ($sum[0] + $sum[5]) / $sum[6] | r(1)) %."
        + " The stage times exclude process start and model loading, which the seconds per page include."
     else "No stage times (newsocr --timings printed none)." end),
  "",
  "## Failed runs",
  "",
  ([$pages[] | .name as $nm | .tools | to_entries[] | select(.value.failed)
    | "- \($nm), \(.key): status \(.value.status)\(if .value.err then ": " + (.value.err | gsub("\\|"; "/")) else "" end)"]
   | if length == 0 then "None." else .[] end),
  "",
  "![CER per page, sorted](fresh-chart.png)",
  "",
  "<details><summary>Per page: CER in reading order (Kendall tau)</summary>",
  "",
  "| page | lang | newsocr | tesseract, 1 thread | recognizer floor | tesseract chi_tra_vert PSM 5 |",
  "|---|---|---|---|---|---|",
  ($pages[] | . as $pg
   | "| \(.name) | \(.lang) | " + ([("newsocr", "tess1", "floor", "vert5") as $t
        | $pg.tools[$t] | if . == null then "–" elif .failed then "failed" else "\(.cer | r(4)) (\(.kendall_tau | r(2)))" end]
       | join(" | ")) + " |"),
  "",
  "</details>"
