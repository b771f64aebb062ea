"""Legal review: why a clause is there (`explain`), and what changed between
two versions of an organisation file (`orgdiff`): the model's diff of each
document (`model.diff`) rendered as a Word redline (`redline`) and an HTML
diff (`htmldiff`), run by `compare`.
"""
