"""The Word writer: the document model as a .docx that reviewers work in.

`document` lays out the file; `blocks` writes paragraphs, lists, tables,
inlines and hyperlinks; `fields` the « Page X de Y » fields, header and
footer; `styles` the house styles; `toc` the filled table of contents;
`comments` review comments and the draft mark; `package` the reproducible zip.
"""
