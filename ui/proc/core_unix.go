//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package proc

import "syscall"

// noCoreDumps sets RLIMIT_CORE to 0, soft and hard: lowering the hard
// limit means no later code (nor a library) can raise it again.
func noCoreDumps() error {
	return syscall.Setrlimit(syscall.RLIMIT_CORE, &syscall.Rlimit{Cur: 0, Max: 0})
}
