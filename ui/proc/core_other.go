//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package proc

// noCoreDumps: Windows writes no core files of its own (Windows Error
// Reporting's dumps are a system setting), and other systems have no
// limit to set here.
func noCoreDumps() error { return nil }
