"""The Word writer: the document model as a .docx that reviewers work in.

`document` lays out the file; `styles` the house styles; `toc` the filled
table of contents; `comments` review comments and the draft mark; `package`
the reproducible zip.
"""
