package ui

import (
	"context"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// inviteDialog (manager) asks for the new member's name, whether they
// manage too, and where to save the invitation file; then shows the
// one-time code, once, large, with Copy.
type inviteDialog struct {
	s       *teamScreen
	name    *escEntry
	manager *widget.Check
	out     string
	pick    *widget.Button
	path    *widget.Label
	status  *widget.Label
	invite  *widget.Button
	dlg     *dialog.CustomDialog

	code    *widget.Label // the one-time code, once written
	copyBtn *widget.Button
	codeDlg *dialog.CustomDialog
}

func (s *teamScreen) onInvite() {
	g := s.g
	g.touch()
	d := &inviteDialog{s: s, name: newEscEntry(g, false)}
	d.name.SetPlaceHolder(lang.L("Full name, e.g. Rita Jansen"))
	d.manager = widget.NewCheck(lang.L("Manager too (sees every rep's prospects, invites and revokes)"), nil)
	d.path = widget.NewLabel(lang.L("No file chosen"))
	d.path.Truncation = fyne.TextTruncateEllipsis
	d.pick = widget.NewButtonWithIcon(lang.L("Save as…"), theme.DocumentSaveIcon(), d.onPick)
	d.status = errorLabel()
	d.invite = primaryButton(lang.L("Write invitation"), theme.MailSendIcon(), d.onInvite)
	hint := wrappedLabel(lang.L("The file holds a new login for this person and the team's keys, sealed under a one-time code. Send the file, and give the code apart from it (by phone or in person)."))
	form := widget.NewForm(widget.NewFormItem(lang.L("Name"), d.name), widget.NewFormItem("", d.manager),
		widget.NewFormItem(lang.L("Invitation file"), container.NewBorder(nil, nil, nil, d.pick, d.path)))
	d.dlg = showActionDialog(g, lang.L("Invite to the team"), fyne.NewSize(560, 300), container.NewVBox(hint, form, d.status), d.invite)
	s.lastInvite = d
	g.win.Canvas().Focus(d.name)
}

// invitationFileName is the file name offered for a member's invitation.
func invitationFileName(member string) string {
	slug := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return '-'
	}, strings.TrimSpace(member))
	if slug = strings.Trim(slug, "-"); slug == "" {
		slug = "member"
	}
	return "warmlead-invitation-" + slug + ".json"
}

// onPick asks where to save the file; only the path is kept (the use case
// writes the file, private to the manager).
func (d *inviteDialog) onPick() {
	g := d.s.g
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		w.Close() // unwritten: the file stays as it was (guardSaves)
		// Space on the Save as… button also reaches the dialog's name
		// field: a name never starts or ends with a blank here.
		path := w.URI().Path()
		d.setOut(filepath.Join(filepath.Dir(path), strings.TrimSpace(filepath.Base(path))))
	}, g.win)
	save.SetFileName(invitationFileName(d.name.Text))
	save.Show()
}

func (d *inviteDialog) setOut(path string) {
	d.out = path
	d.path.SetText(path)
}

func (d *inviteDialog) onInvite() {
	g := d.s.g
	g.touch()
	name := strings.TrimSpace(d.name.Text)
	switch {
	case name == "":
		d.fail(lang.L("Enter the new member's name."))
		return
	case d.out == "":
		d.fail(lang.L("Choose where to save the invitation file."))
		return
	}
	d.status.Hide()
	d.invite.Disable()
	manager, out := d.manager.Checked, d.out
	var code string
	g.teamCall(func(ctx context.Context, tm teamUseCases) (err error) {
		code, err = tm.Invite(ctx, name, manager, out)
		return err
	}, func(err error) {
		d.invite.Enable()
		if err != nil {
			d.fail(teamErrorText(err))
			return
		}
		d.dlg.Hide()
		d.showCode(name, out, code)
		d.s.refresh()
	})
}

func (d *inviteDialog) fail(text string) {
	d.status.SetText(text)
	d.status.Show()
}

// showCode shows the one-time code large, once: it is not kept anywhere.
func (d *inviteDialog) showCode(name, out, code string) {
	g := d.s.g
	d.code = widget.NewLabelWithStyle(code, fyne.TextAlignCenter, fyne.TextStyle{Monospace: true})
	d.code.SizeName = theme.SizeNameHeadingText
	d.code.Selectable = true
	d.copyBtn = widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), func() {
		g.app.Clipboard().SetContent(code)
		d.copyBtn.SetText(lang.L("Copied"))
	})
	what := widget.NewLabel(lang.L("The invitation for {{.Name}} is in {{.Path}}. Give {{.Name}} this code apart from the file: it opens the invitation once, and Warmlead does not keep it.",
		map[string]any{"Name": name, "Path": out}))
	what.Wrapping = fyne.TextWrapWord
	done := widget.NewButton(lang.L("Done"), func() { d.codeDlg.Hide() })
	done.Importance = widget.HighImportance
	d.codeDlg = dialog.NewCustomWithoutButtons(lang.L("One-time code"),
		container.NewGridWrap(fyne.NewSize(520, 200), container.NewVBox(what, d.code)), g.win)
	d.codeDlg.SetButtons([]fyne.CanvasObject{d.copyBtn, done})
	d.codeDlg.Show()
}

// revokeDialog (manager) picks whom to revoke, then asks once, naming the
// person and what revocation cannot undo.
type revokeDialog struct {
	s       *teamScreen
	member  *widget.Select
	status  *widget.Label
	next    *widget.Button
	dlg     *dialog.CustomDialog
	confirm *dialog.ConfirmDialog
}

func (s *teamScreen) onRevoke() {
	g := s.g
	g.touch()
	info, _ := g.inTeam()
	others := s.activeOthers(info.Member)
	if len(others) == 0 {
		dialog.ShowInformation(lang.L("Revoke access"), lang.L("No other member has access to the team."), g.win)
		return
	}
	d := &revokeDialog{s: s, member: widget.NewSelect(others, nil), status: errorLabel()}
	if len(others) == 1 {
		d.member.SetSelectedIndex(0)
	}
	d.next = widget.NewButtonWithIcon(lang.L("Revoke…"), theme.ContentRemoveIcon(), d.onNext)
	d.next.Importance = widget.DangerImportance
	form := widget.NewForm(widget.NewFormItem(lang.L("Member"), d.member))
	d.dlg = showActionDialog(g, lang.L("Revoke access"), fyne.NewSize(480, 140), container.NewVBox(form, d.status), d.next)
	s.lastRevoke = d // nothing focused: Escape reaches the window and closes it; Tab reaches the list
}

func (d *revokeDialog) onNext() {
	name := d.member.Selected
	if name == "" {
		d.status.SetText(lang.L("Choose whose access to revoke."))
		d.status.Show()
		return
	}
	d.dlg.Hide()
	d.confirm = confirmIrreversible(d.s.g, lang.L("Revoke {{.Name}}'s access?", map[string]any{"Name": name}),
		revokeText(name), lang.L("Revoke access"), func() { d.revoke(name) })
}

// revokeText says what revoking does and what it cannot undo.
func revokeText(name string) string {
	return lang.L("{{.Name}} can no longer log in to the team's server, and the team's key changes for everyone else. At its next start online, {{.Name}}'s Warmlead removes the team's data from that computer.\n\nRevocation cannot undo what {{.Name}} copied while they had access: the prospects they collected stay in their own database, and files they exported stay where they put them.",
		map[string]any{"Name": name})
}

func (d *revokeDialog) revoke(name string) {
	g := d.s.g
	g.teamCall(func(ctx context.Context, tm teamUseCases) error { return tm.Revoke(ctx, name) }, func(err error) {
		if err != nil {
			g.showProblem(teamErrorText(err))
			return
		}
		d.s.setResult(lang.L("{{.Name}}'s access was revoked; the team key was rotated for the remaining members.", map[string]any{"Name": name}))
		d.s.refresh()
	})
}
