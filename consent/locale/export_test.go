package locale

// The label tables, for the external tests' completeness checks.
var LabelTables = map[string]map[string]string{
	"purpose": purposeLabels, "channel": channelLabels, "source": sourceLabels,
	"method": methodLabels, "outcome": outcomeLabels,
}
