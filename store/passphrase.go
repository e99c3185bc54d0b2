package store

import "warmlead/consent"

// MinPassphraseLen is the shortest recovery passphrase accepted.
const MinPassphraseLen = consent.MinPassphraseLen

// WeakPassphraseError refuses a trivially weak recovery passphrase
// (consent.WeakPassphrase): Msg is the strength meter's reason, which the
// GUI shows translated and the CLI prints as Error().
type WeakPassphraseError struct{ Msg consent.Message }

func (e *WeakPassphraseError) Error() string { return e.Msg.String() }

func checkPassphrase(p []byte) error {
	if msg, weak := consent.WeakPassphrase(string(p)); weak {
		return &WeakPassphraseError{msg}
	}
	return nil
}
