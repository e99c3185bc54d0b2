package consent

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fxamacker/cbor/v2"
)

// goldenV1 are the hashes of goldenEvents in encoding v1, computed by the
// code that sealed v1 ledgers (json.Marshal of the Event struct at commit
// 40c7392, before versions existed). They must never change: every ledger
// stored before v2 verifies against them.
var goldenV1 = []string{
	"5e1af908a9633b5d02561ea69d2a963a42be0fba427b6344768a73a0b46dcdc0",
	"4f20e8b4dfe09d3fdfc31ad649739208f6da3120e28364098184a4ec971aaca6",
	"5009537eb21306c7d6c51345a4af147634aec7b84f4335cdd2d9fdb5343588f2",
	"f2b18765692f3e55925f1876dabc6616449a25744b03905113e5e7ac8fb887cb",
	"aaff21ffe1f0d32c670c650eb7b56f19cbbb0f90f0f101ce7766a1923dd06977",
	"47c358286354626ed7bf11a95d6081b3349c0c79188b3572466619ec99f26ed9",
	"9b336a3796035503fe13570ccda317ca2b85335d90f26bf4d965dc8c0819e577",
	"5ea5b03ba1b08b7fe4015829102c96147e0c4472491e408a57b03a8a3e248638",
	"37ed7c5b9f520a85ee8eaa3f37bf99fa84bf0861340133ae717b65acd9d6797e",
	"41bd28f9339fcdb48d288c02ba6f528d9f25d4ade1de393d3007e66102169f5f",
	"142a4a5f1fbc29985eb37a4eeeccff99723e07a0f2a42947e4e1a4f8e71b7a55",
	"53f17c1f80f63a09012be4e2ac325dfa62a9aa34f74ab0f1cfe909a35911936e",
	"bb76344fee07ffa867cc97def3ec45cdda736c825ad0e3b7a6d906b827a4c953",
	"13adc13d97b471f15bb596e6cd0598495edf533f32d72a1819d608ef708da504",
	"6f991480187d8f0c46f293622573ec2b017bb75787b473ba524b9e32be22b644",
	"173fccc5279f67dac08d754b3a55d55d06d8c69d961464f0e08880f76afaf18c",
	"27a793d7c3f2e9ed2e970cde00e985f9cb55350f6fc6cdf95944ff2cb67d859a",
}

// goldenV2 are the hashes of goldenEvents in encoding v2. They must never
// change either: a change to eventV2, wireTime or the CBOR options fails
// here before it breaks a stored ledger.
var goldenV2 = []string{
	"486dfb52921baa2de7c7c969cab3545d0db30a5f0e1328b2c1f42f1eb9ad249a",
	"169b6c8546bf6d6829ba4b3fbafaf23cff53d7eeadfadf5590dd06c02abc265b",
	"6750e40c6861907791e4848edfcccf15b8d7ac10ba3ce50a65f74cb174c114d7",
	"45234dd9368efa0729b93dba3e46e2425cc19c242e84ea4d82b0f4a6a5a7422c",
	"133383dc1e2f1f7d38676ab940bd58254b13e776e78011683a407a6e116c5cfb",
	"a43474c9d02da9c0a290e381e733d02a0a22a5284cf7b1d983bc53f815644f99",
	"062456cddc23cce1433fa589048a3b93870ddfe1fe04b7cdcb847adff4099cce",
	"e8641cbbbc4d22dce94d07b68b2f7c2df3938aa26e97fa4d0b2b811077e6f736",
	"af4e0eef7425c0cce536b30d21a6ebd0597b99dc48857c1d95a5cbdf02fe4d12",
	"f35a70af07aea0c2e7729d105d9eaa6c6cbaddb9e33a0159d7c92b36ebadf972",
	"493525af118fcb0867239e7221e2d292ce08e21205641b09c2eb5f1fa4e59cfd",
	"2beeae2acd9cb1061fd85b8009dd23a9c9484ec24cb747577bec521c9eaf1623",
	"6e26e12f4669a71b6e920b8f59b012457192cbf7a3353656fba00400e47edc5b",
	"6aa3c20458d2771f8308dd706184f43b0a9277fe9bf9f00219e358ef4872db04",
	"821aeb0fef7aed7ed1e1d410e0ff264ba81c081d248b419b827688a347204225",
	"79fb4d2ab9b04d617c474664b831ce91de221aaa2912e26e7c9349e15c4ac893",
	"dec38dc7734c086a89fc5ece237ac2767ea435540cda27378d3098488872447b",
}

// chainGolden seals goldenEvents' links by hand in version enc (Seal would
// always pick the current version).
func chainGolden(enc int) []Event {
	evs := goldenEvents()
	for i := range evs {
		evs[i].Enc = enc
		if i > 0 && evs[i].Prospect == evs[i-1].Prospect {
			evs[i].PrevHash = evs[i-1].Hash
		}
		evs[i].Hash = evs[i].ComputeHash()
	}
	return evs
}

func TestGoldenHashes(t *testing.T) {
	for _, c := range []struct {
		name string
		enc  int
		want []string
	}{{"v1", EncV1, goldenV1}, {"v2", EncV2, goldenV2}} {
		t.Run(c.name, func(t *testing.T) {
			evs := chainGolden(c.enc)
			if len(c.want) != len(evs) {
				for _, e := range evs {
					t.Logf("%q,", e.Hash)
				}
				t.Fatalf("%d golden hashes for %d events", len(c.want), len(evs))
			}
			for i, e := range evs {
				if e.Hash != c.want[i] {
					b, _ := e.canonical()
					t.Errorf("event %d (%s): hash %s, golden %s; the %s encoding changed:\n%x", i, e.Kind, e.Hash, c.want[i], c.name, b)
				}
			}
			// Two ledgers: prospect 7's, and the unsealed event's.
			if err := errors.Join(VerifyChain(evs[:16]), VerifyChain(evs[16:])); err != nil {
				t.Errorf("golden ledger does not verify: %v", err)
			}
		})
	}
}

// TestGoldenEventsUseEverything keeps the golden events complete: every
// kind, and every field of Event set in at least one of them.
func TestGoldenEventsUseEverything(t *testing.T) {
	evs := chainGolden(EncV2)
	kinds := map[EventKind]bool{}
	for _, e := range evs {
		kinds[e.Kind] = true
	}
	for _, k := range []EventKind{KindCollected, KindInformed, KindConsentGranted, KindConsentRefused, KindConsentWithdrawn,
		KindObjection, KindCallLogged, KindEmailGenerated, KindReferralRequested, KindReferralApproved, KindReferralDeclined,
		KindRectified, KindExported, KindReactivated, KindReplyAttached} {
		if !kinds[k] {
			t.Errorf("no golden event of kind %s", k)
		}
	}
	typ := reflect.TypeOf(Event{})
	for i := range typ.NumField() {
		used := false
		for _, e := range evs {
			used = used || !reflect.ValueOf(e).Field(i).IsZero()
		}
		if !used {
			t.Errorf("no golden event sets %s: add it to goldenEvents (and a new encoding version, if it is new)", typ.Field(i).Name)
		}
	}
}

// TestEncodingCoversEveryField: the v2 field list is frozen apart from
// Event; every Event field must be in it (a field added to Event without a
// new version would not be covered by the hash).
func TestEncodingCoversEveryField(t *testing.T) {
	n := reflect.TypeOf(Event{}).NumField()
	if m := reflect.TypeOf(eventV2{}).NumField(); m != n {
		t.Fatalf("Event has %d fields, eventV2 %d: a new field needs a new encoding version (encoding.go)", n, m)
	}
	// Each field, changed alone, changes the v2 hash.
	base := goldenEvents()[2]
	base.Enc = EncV2
	h := base.ComputeHash()
	v := reflect.ValueOf(&base).Elem()
	for i := range n {
		name := reflect.TypeOf(Event{}).Field(i).Name
		if name == "Hash" || name == "Enc" {
			continue
		}
		e := base
		f := reflect.ValueOf(&e).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(v.Field(i).String() + "x")
		case reflect.Uint64:
			f.SetUint(v.Field(i).Uint() + 1)
		case reflect.Bool:
			f.SetBool(!v.Field(i).Bool())
		case reflect.Struct:
			f.Set(reflect.ValueOf(v.Field(i).Interface().(time.Time).Add(time.Nanosecond)))
		default:
			t.Fatalf("field %s of kind %s: teach this test about it", name, f.Kind())
		}
		if e.ComputeHash() == h {
			t.Errorf("changing %s does not change the v2 hash", name)
		}
	}
}

// TestCanonicalV2Bytes pins two canonical forms byte for byte, and checks
// that every one is Core Deterministic CBOR (re-encoding changes nothing)
// without the hash key.
func TestCanonicalV2Bytes(t *testing.T) {
	evs := chainGolden(EncV2)
	want := map[int]string{0: "aa00020107020103831a69a558980000046852697461205265700569636f6c6c65637465640664636172640778184e6f726469632022466169722220e280942042657267656e12781c53656e6420746865206f66666572206265666f726520467269646179181860", 16: "a70002011b000001000000000002010460056b63616c6c2d6c6f6767656411696e6f2d616e73776572181860"}
	for i, hx := range want {
		b, _ := evs[i].canonical()
		if hex.EncodeToString(b) != hx {
			t.Errorf("event %d: canonical v2\n%x\nwant\n%s", i, b, hx)
		}
	}
	for i, e := range evs {
		b, err := e.canonical()
		if err != nil {
			t.Fatal(err)
		}
		var m map[uint64]any
		if err := cbor.Unmarshal(b, &m); err != nil {
			t.Fatalf("event %d: %v", i, err)
		}
		if _, ok := m[25]; ok || m[0] != uint64(2) {
			t.Errorf("event %d: hash key present or version missing: %v", i, m)
		}
		again, err := cborEnc.Marshal(m)
		if err != nil || !bytes.Equal(again, b) {
			t.Errorf("event %d is not in core deterministic form:\n%x\n%x", i, b, again)
		}
		if err := cbor.Wellformed(b); err != nil {
			t.Errorf("event %d: %v", i, err)
		}
	}
}

// TestMarshalEventRoundTrip: the stored form gives back the event of either
// version as it was, offsets and nanoseconds included, and it verifies.
func TestMarshalEventRoundTrip(t *testing.T) {
	for _, enc := range []int{EncV1, EncV2} {
		evs := chainGolden(enc)
		got := make([]Event, len(evs))
		for i, e := range evs {
			b, err := MarshalEvent(e)
			if err != nil {
				t.Fatal(err)
			}
			if err := UnmarshalEvent(b, &got[i]); err != nil {
				t.Fatal(err)
			}
			g := got[i]
			same := g.Enc == e.Enc && g.Hash == e.Hash && g.Time.Equal(e.Time) && g.Expires.Equal(e.Expires) && g.Callback.Equal(e.Callback)
			for _, p := range [][2]time.Time{{g.Expires, e.Expires}, {g.Callback, e.Callback}, {g.Time, e.Time}} {
				_, o1 := p[0].Zone()
				_, o2 := p[1].Zone()
				same = same && o1 == o2 && p[0].IsZero() == p[1].IsZero()
			}
			g.Time, g.Expires, g.AskAgain, g.Callback = e.Time, e.Expires, e.AskAgain, e.Callback
			if !same || !reflect.DeepEqual(g, e) {
				t.Errorf("v%d event %d read back as\n%+v\nwant\n%+v", max(enc, 1), i, got[i], e)
			}
			// The v1 JSON the hash covers is the same after the round trip.
			if enc == EncV1 {
				a, _ := canonicalV1(&e)
				b, _ := canonicalV1(&got[i])
				if !bytes.Equal(a, b) {
					t.Errorf("v1 event %d: canonical JSON changed in storage:\n%s\n%s", i, a, b)
				}
			}
		}
		if err := VerifyChain(got[:16]); err != nil {
			t.Errorf("v%d ledger after the round trip: %v", max(enc, 1), err)
		}
	}
}

// TestV1FromStoredJSON: a v1 event as the store kept it (JSON, no "enc")
// reads as v1 and verifies.
func TestV1FromStoredJSON(t *testing.T) {
	evs := chainGolden(EncV1)
	for i, e := range evs[:16] {
		b, _ := json.Marshal(e)
		if bytes.Contains(b, []byte(`"enc"`)) {
			t.Fatalf("a v1 event writes its version: %s", b)
		}
		var back Event
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		evs[i] = back
	}
	if err := VerifyChain(evs[:16]); err != nil {
		t.Fatal(err)
	}
}

func TestSealUsesV2AndCleansText(t *testing.T) {
	first := Event{Prospect: 3, Time: time.Date(2026, 1, 2, 3, 4, 5, 600, time.Local), Kind: KindCollected, Note: "bad \xff\xfe byte"}
	first.Seal(nil)
	if first.Enc != EncV2 || first.Note != "bad \uFFFD\uFFFD byte" || first.Time.Nanosecond() != 0 || first.Time.Location() != time.UTC {
		t.Fatalf("sealed: %+v", first)
	}
	b, err := MarshalEvent(first)
	if err != nil {
		t.Fatal(err)
	}
	var back Event
	if err := UnmarshalEvent(b, &back); err != nil || !reflect.DeepEqual(back, first) {
		t.Fatalf("read back %+v, %v; want %+v", back, err, first)
	}
	// JSON (exports) carries the version, so an exported ledger verifies.
	j, _ := json.Marshal(first)
	var fromJSON Event
	json.Unmarshal(j, &fromJSON)
	if !strings.Contains(string(j), `"enc":2`) || VerifyChain([]Event{fromJSON}) != nil {
		t.Fatalf("JSON of a v2 event: %s", j)
	}
}

func TestVerifyChainUnknownEncoding(t *testing.T) {
	evs := chainGolden(EncV2)[:3]
	evs[1].Enc = 3
	err := VerifyChain(evs)
	var ce *ChainError
	if !errors.As(err, &ce) || ce.Seq != 2 || !strings.Contains(ce.Reason, "unknown encoding version 3") {
		t.Fatalf("got %v", err)
	}
	// Flipping a v2 event back to v1 does not keep its hash.
	evs = chainGolden(EncV2)[:3]
	evs[1].Enc = EncV1
	if err := VerifyChain(evs); !errors.As(err, &ce) || ce.Seq != 2 {
		t.Fatalf("a v2 event read as v1 verified: %v", err)
	}
}
