package cli

import (
	"os"
	"strconv"
	"testing"
	"time"
)

func TestTmpDemoSpeed(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("DEMO_N"))
	if n == 0 {
		t.Skip()
	}
	h := newHarness(t)
	h.init()
	st := time.Now()
	out := h.must("demo", "--prospects", strconv.Itoa(n))
	t.Logf("%s in %s", out, time.Since(st))
}
