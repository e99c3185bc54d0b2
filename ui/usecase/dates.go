package usecase

import (
	"strconv"
	"strings"
	"time"
)

// The value is quoted as Go's %q does, as the CLI always printed it.
var errBadDate = newTemplate(CodeInvalid, "{{.Value}} is not a date: write it as YYYY-MM-DD")

// ParseDate reads a YYYY-MM-DD date, as the commands' flags and the
// screens' date fields take it, as midnight UTC.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, errBadDate.Wrap(err, "Value", strconv.Quote(s))
	}
	return t, nil
}
