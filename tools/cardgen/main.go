// Command cardgen writes a folder of synthetic business-card photos with
// their truth.json, to try `warmlead scan` and the review screen:
//
//	go run ./tools/cardgen -n 60 -seed 1 -out /tmp/cards
package main

import (
	"flag"
	"fmt"
	"os"

	"warmlead/cardscan/cardgen"
)

func main() {
	n := flag.Int("n", 20, "number of photos")
	seed := flag.Uint64("seed", 1, "series seed (the same seed gives the same photos)")
	out := flag.String("out", "cards", "folder to write")
	flag.Parse()
	if _, err := cardgen.WriteFolder(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "cardgen:", err)
		os.Exit(1)
	}
	fmt.Printf("%d photos and truth.json in %s\n", *n, *out)
}
