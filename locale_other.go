//go:build !cgo || !(linux || freebsd || netbsd || openbsd)

package main

func restoreLocale() {}
