package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"warmlead/cardscan"
	"warmlead/ui/usecase"
)

func init() {
	register(command{"scan", "read business-card photos: scan IMAGE|FOLDER... [--json] [--save [--event NAME] [--keep-image]]", setupScan})
}

// newCardReader replaces cardscan.NewReader in tests (a fake reader).
var newCardReader func(cardscan.Options) (cardscan.Reader, error)

// scanned is one photo read, as --json prints it: the five fields as plain
// strings (phone in E.164, "" when not found) with a confidence each.
type scanned struct {
	File       string             `json:"file"`
	Name       string             `json:"name"`
	Company    string             `json:"company"`
	Title      string             `json:"title"`
	Email      string             `json:"email"`
	Phone      string             `json:"phone"`
	Mobile     string             `json:"mobile,omitempty"`
	Fax        string             `json:"fax,omitempty"`
	Web        string             `json:"web,omitempty"`
	Address    string             `json:"address,omitempty"`
	FromQR     bool               `json:"from_qr"`
	Confidence map[string]float64 `json:"confidence"`
	ID         uint64             `json:"id,omitempty"` // with --save: the prospect added
}

func setupScan(fs *flagSet, e *env) func([]string) error {
	var event string
	var asJSON, save, keepImage bool
	fs.BoolVar(&asJSON, "json", false, "print what was read as a JSON array")
	fs.BoolVar(&save, "save", false, "add each card read as a card prospect")
	fs.StringVar(&event, "event", "", "with --save: the event where the cards were collected")
	fs.BoolVar(&keepImage, "keep-image", false, "with --save: keep each photo, sealed, as evidence of where the data came from")
	return func(pos []string) error {
		if len(pos) == 0 {
			return usagef("usage: warmlead scan IMAGE|FOLDER... [--json] [--save [--event NAME] [--keep-image]]")
		}
		if !save && (event != "" || keepImage) {
			return usagef("--event and --keep-image go with --save")
		}
		paths := usecase.PhotoPaths(pos)
		if len(paths) == 0 {
			return fmt.Errorf("no photos (.jpg, .jpeg, .png, .heic) were found in %s", safe(strings.Join(pos, ", ")))
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		if newCardReader != nil {
			uc.Scans.NewReader = newCardReader
		}
		photos, failed := e.readPhotos(paths)
		results, err := uc.Scans.Read(context.Background(), photos, nil)
		if err != nil {
			return err
		}
		out := make([]scanned, 0, len(photos))
		noOCR := false
		for i, r := range results {
			name := photos[i].Name
			var id uint64
			if r.Err == nil && save {
				var saved usecase.SavedCard
				saved, r.Err = uc.Scans.Save(photos[i], r.Prospect(event), usecase.SaveCard{Event: event, KeepImage: keepImage})
				id = saved.Prospect.ID
			}
			if r.Err != nil {
				noOCR = noOCR || errors.Is(r.Err, cardscan.ErrNoOCR)
				fmt.Fprintf(e.stderr, "%s: %s\n", safe(name), safe(oneLine(r.Err.Error())))
				failed++
				continue
			}
			switch v := scannedOf(name, r, id); {
			case asJSON:
				out = append(out, v)
			case save:
				fmt.Fprintf(e.stdout, "%s: added prospect %d\n", safe(name), id)
			default:
				printScanned(e, v)
			}
		}
		if asJSON {
			if err := writeJSON(e.stdout, out); err != nil {
				return err
			}
		}
		switch {
		case failed == 0:
			return nil
		case noOCR:
			return cardscan.ErrNoOCR
		}
		return fmt.Errorf("%d of %d photos failed (each said above); the others were %s", failed, len(paths), map[bool]string{true: "saved", false: "read"}[save])
	}
}

// readPhotos reads each file into memory; one that cannot be read is said
// on stderr and left out.
func (e *env) readPhotos(paths []string) ([]usecase.Photo, int) {
	var photos []usecase.Photo
	failed := 0
	for _, path := range paths {
		p, err := usecase.ReadPhoto(path)
		if err != nil {
			fmt.Fprintf(e.stderr, "%s: %s\n", safe(filepath.Base(path)), safe(oneLine(readError(err))))
			failed++
			continue
		}
		photos = append(photos, p)
	}
	return photos, failed
}

// readError is why a file could not be read, without its path (the line
// names the file already).
func readError(err error) string {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

func scannedOf(file string, r usecase.ScanResult, id uint64) scanned {
	c := r.Card
	phone := r.Phone()
	if !isE164(phone.Value) {
		phone = cardscan.Field{}
	}
	return scanned{File: file, Name: c.Name.Value, Company: c.Company.Value, Title: c.Title.Value, Email: c.Email.Value,
		Phone: phone.Value, Mobile: c.Mobile.Value, Fax: c.Fax.Value, Web: c.Web.Value, Address: c.Address.Value,
		FromQR: c.FromQR, ID: id, Confidence: map[string]float64{"name": conf(c.Name), "company": conf(c.Company),
			"title": conf(c.Title), "email": conf(c.Email), "phone": conf(phone)}}
}

// conf is a field's confidence within 0 to 1, 0 when not found.
func conf(f cardscan.Field) float64 {
	if f.Value == "" {
		return 0
	}
	return min(1, max(0, f.Confidence))
}

func isE164(s string) bool {
	if len(s) < 3 || len(s) > 16 || s[0] != '+' {
		return false
	}
	return strings.Trim(s[1:], "0123456789") == ""
}

// printScanned writes one photo's fields, one a line with its confidence.
func printScanned(e *env, s scanned) {
	fmt.Fprintf(e.stdout, "%s:\n", safe(s.File))
	line := func(label, v string, c float64) {
		if v == "" {
			fmt.Fprintf(e.stdout, "  %-8s -\n", label)
			return
		}
		fmt.Fprintf(e.stdout, "  %-8s %s (%.2f)\n", label, safe(v), c)
	}
	line("name", s.Name, s.Confidence["name"])
	line("company", s.Company, s.Confidence["company"])
	line("title", s.Title, s.Confidence["title"])
	line("email", s.Email, s.Confidence["email"])
	line("phone", s.Phone, s.Confidence["phone"])
	for _, kv := range [][2]string{{"mobile", s.Mobile}, {"fax", s.Fax}, {"web", s.Web}, {"address", s.Address}} {
		if kv[1] != "" {
			fmt.Fprintf(e.stdout, "  %-8s %s\n", kv[0], safe(kv[1]))
		}
	}
	if s.FromQR {
		fmt.Fprintln(e.stdout, "  (from the card's QR code)")
	}
}
