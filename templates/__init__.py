"""The shipped library as package data (policygen.templates): see README.md in this folder."""
