# fresh-pages.jq - one record per fresh-seed page from the benchmark's raw data
# (scripts/bench, fresh-seed run); jq -n with
#   $meta    [{name, gt, img, lang, vbody, vars}]         one per page made
#   $runs    [{tool, name, seconds, kb, status, load, err}]  one per run (GNU time)
#   $ev      [{tool, name, eval}]   newsocr-eval's JSON page records
#   $stages  [{name, load, preprocess, ..., total}]  newsocr --timings
# Output: [{name, lang, vbody, vars, stages, tools: {TOOL: {cer, order_free_error,
# kendall_tau, ..., edits, gt_chars, seconds, mb, load, failed, status, err}}}].
# A failed run (exit status, timeout, or text the evaluator could not read) counts as
# CER 1, order-free error 1, tau 0, paragraph integrity 0, caption metrics not applicable:
# the page is never dropped from a tool's means.
def key: "\(.tool)/\(.name)";
(reduce $ev[] as $e ({}; .[$e | key] = $e.eval)) as $evals
| (reduce $runs[] as $r ({}; .[$r | key] = $r)) as $rs
| (reduce $stages[] as $s ({}; .[$s.name] = ($s | del(.name)))) as $st
| [$meta[] as $m
   | ([$evals | to_entries[] | select(.key | endswith("/" + $m.name)) | .value.gt_chars
       | numbers] | max) as $gtc
   | {name: $m.name, lang: $m.lang, vbody: $m.vbody, vars: $m.vars, stages: $st[$m.name],
      tools: ([$rs | to_entries[] | select(.value.name == $m.name) | .value] | map(
          . as $r
          | ($evals[$r | key] // {error: "not evaluated"}) as $e
          | (($r.status != 0) or ($e.error != null)) as $failed
          | {key: $r.tool,
             value: ((if $failed then
                          {cer: 1, order_free_error: 1, kendall_tau: 0, paragraph_integrity: 0,
                           caption_separated: null, caption_interrupting: null,
                           caption_within: null, cjk_spacing: null, captions_located: 0,
                           captions_within: 0, edits: $gtc, gt_chars: $gtc}
                      else $e | del(.gt, .output) end)
                     + {seconds: $r.seconds,
                        mb: (if $r.kb == null then null else $r.kb / 1024 end),
                        load: $r.load, failed: $failed, status: $r.status,
                        err: (if $failed then
                                  (if $r.status != 0 then $r.err else $e.error end)
                              else null end)})})
          | from_entries)}]
