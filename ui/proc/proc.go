// Package proc hardens Warmlead's own process before it touches data.
package proc

// NoCoreDumps stops the system from writing a core file of this process:
// a core holds the unlocked data key and decrypted prospects, and would
// land in clear on disk (or in a crash collector). main calls it first,
// for the window and the commands alike. An error means the limit could
// not be set; the app runs anyway.
func NoCoreDumps() error { return noCoreDumps() }
