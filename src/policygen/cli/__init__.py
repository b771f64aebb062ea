"""The `policygen` command (`main`), with click's own strings in French (`clickfr`)."""
