"""Legal review: why a clause is there (`explain`), and what changed between
two versions of an organisation file (`orgdiff`): one model-level diff of each
document (`diff`, on `textdiff`'s alignment), rendered as a Word redline
(`redline`) and an HTML diff (`htmldiff`), run by `compare`.
"""
