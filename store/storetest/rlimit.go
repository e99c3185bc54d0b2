//go:build unix

package storetest

import (
	"syscall"
	"testing"
)

// LimitFileSize lowers RLIMIT_FSIZE to size, so no file this process (or a
// child it starts) writes grows past it: a full disk without privileges
// (EFBIG instead of ENOSPC; Go ignores SIGXFSZ). The limit is process-wide:
// call restore as soon as the writes under test are done (or the child is
// started). It skips where the limit cannot be read or lowered.
func LimitFileSize(t testing.TB, size int64) (restore func()) {
	t.Helper()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skipf("no RLIMIT_FSIZE here: %v", err)
	}
	lim := old
	lim.Cur = uint64(size)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Skipf("cannot lower RLIMIT_FSIZE: %v", err)
	}
	return func() { syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old) }
}
