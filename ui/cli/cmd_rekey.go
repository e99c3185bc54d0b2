package cli

import (
	"fmt"

	"warmlead/ui/usecase"
)

func init() {
	register(command{"rekey", "re-encrypt the whole file under a new data key: rekey [--new-password-file NEW]", setupRekey})
}

// setupRekey: `rekey` re-encrypts under a new data key, wrapped by the
// current passphrase (--password-file) or a new one (--new-password-file);
// unlocking goes as for every command (the passphrase file or the keyring).
// Progress goes to stderr, a line per tenth, so stdout keeps one line.
func setupRekey(fs *flagSet, e *env) func([]string) error {
	var newFile string
	fs.StringVar(&newFile, "new-password-file", "", "file with a new recovery passphrase (default: keep the current one)")
	return func(pos []string) error {
		if err := need(pos, 0, "rekey [--password-file CURRENT] [--new-password-file NEW]"); err != nil {
			return err
		}
		path := newFile
		if path == "" {
			path = e.cfg.PasswordFile
		}
		if path == "" {
			return usagef("usage: warmlead rekey --password-file CURRENT [--new-password-file NEW]: the new key is wrapped by the recovery passphrase, so rekey needs it (unlocked by the keyring: give --new-password-file)")
		}
		pass, err := usecase.ReadPassphrase(path)
		if err != nil {
			return err
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		tenth := -1
		err = uc.Settings.Rekey(pass, func(done, total int) {
			if total > 0 && done*10/total != tenth {
				tenth = done * 10 / total
				fmt.Fprintf(e.stderr, "re-encrypting: %d%% (%d of %d values)\n", done*100/total, done, total)
			}
		})
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "re-encrypted under a new data key: old copies of the file and its old key open nothing of it")
		return nil
	}
}
