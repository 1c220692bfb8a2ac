package decision

import (
	_ "embed"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

// modelFile is the trained classifier, written by `make train` (internal/triggertrain) from
// the labelled sets and the phrasings; see model/README.md.
//
//go:embed model/triggers.json
var modelFile []byte

// defaultModel is the embedded classifier every compiled engine uses.
var defaultModel = func() *TriggerModel {
	m, err := DecodeTriggerModel(modelFile)
	if err != nil {
		panic("decision: the embedded trigger model: " + err.Error())
	}
	return m
}()

// DefaultTriggerModel is the embedded classifier.
func DefaultTriggerModel() *TriggerModel { return defaultModel }

// TriggerModel is the trained classifier: per trigger, weights over the hashed features, a
// bias and the probability from which it fires.
type TriggerModel struct {
	// w holds the four triggers' weights of a feature side by side (w[i*4+t]), so scoring a
	// feature reads one cache line.
	w         []float32
	bias      [numLearned]float32
	threshold [numLearned]float64
	// alone is the probability needed for a trigger of which the lexicon read no cue.
	alone [numLearned]float64
	// veto: a cue the lexicon took back keeps the classifier from firing for its trigger.
	veto     bool
	triggers []TriggerWeights
	training json.RawMessage
}

// TriggerWeights is one trigger's part of a model, as training writes it.
type TriggerWeights struct {
	Name string `json:"name"`
	// Bias and Threshold: the classifier fires when Sigmoid(Bias + w·x) >= Threshold.
	Bias      float64 `json:"bias"`
	Threshold float64 `json:"threshold"`
	// Alone is the probability it needs when the lexicon read no cue of the trigger at all,
	// at least Threshold; 0 (a file written before training chose it) is AloneThreshold.
	Alone float64 `json:"alone,omitempty"`
	// Lambda is the L2 regularisation it was trained with.
	Lambda float64 `json:"lambda"`
	// Index and Weight are the non-zero weights, Index ascending.
	Index  []uint32  `json:"-"`
	Weight []float32 `json:"-"`
	// Packed is Index and Weight in the file: base64 of, per weight, the index's gap from the
	// previous one as a uvarint and the weight as a little-endian float32.
	Packed string `json:"weights"`
}

type modelJSON struct {
	Format      int              `json:"format"`
	FeatureBits int              `json:"feature_bits"`
	Veto        bool             `json:"veto"`
	Triggers    []TriggerWeights `json:"triggers"`
	// Training records how the model was made (data, folds, choices, cross-validated
	// figures); free-form for the reader, not read back.
	Training json.RawMessage `json:"training,omitempty"`
}

const modelFormat = 1

// NewTriggerModel assembles a model from its triggers' weights (in TriggerNames order).
// training is recorded in the file as it is.
func NewTriggerModel(ts []TriggerWeights, veto bool, training json.RawMessage) (*TriggerModel, error) {
	if len(ts) != numLearned {
		return nil, fmt.Errorf("trigger model: %d triggers, want %d", len(ts), numLearned)
	}
	m := &TriggerModel{w: make([]float32, featureDim*numLearned), veto: veto, training: training}
	for t, tw := range ts {
		if tw.Name != TriggerNames[t] {
			return nil, fmt.Errorf("trigger model: trigger %d is %q, want %q", t, tw.Name, TriggerNames[t])
		}
		if len(tw.Index) != len(tw.Weight) || !slices.IsSorted(tw.Index) {
			return nil, fmt.Errorf("trigger model: %s: indices must be ascending, one per weight", tw.Name)
		}
		if !(tw.Threshold > 0 && tw.Threshold <= 1) {
			return nil, fmt.Errorf("trigger model: %s: threshold %v outside (0, 1]", tw.Name, tw.Threshold)
		}
		if tw.Alone != 0 && !(tw.Alone >= tw.Threshold && tw.Alone <= 1) {
			return nil, fmt.Errorf("trigger model: %s: alone %v outside [threshold, 1]", tw.Name, tw.Alone)
		}
		for k, i := range tw.Index {
			if i >= featureDim || (k > 0 && tw.Index[k-1] == i) {
				return nil, fmt.Errorf("trigger model: %s: index %d out of range or repeated", tw.Name, i)
			}
			m.w[int(i)*numLearned+t] = tw.Weight[k]
		}
		m.bias[t] = float32(tw.Bias)
		m.threshold[t] = tw.Threshold
		m.alone[t] = max(tw.Threshold, AloneThreshold)
		if tw.Alone != 0 {
			m.alone[t] = tw.Alone
		}
		tw.Packed = ""
		m.triggers = append(m.triggers, tw)
	}
	return m, nil
}

// Triggers are the model's weights per trigger, as trained.
func (m *TriggerModel) Triggers() []TriggerWeights { return slices.Clone(m.triggers) }

// Veto reports whether a cue the lexicon took back keeps the classifier from firing.
func (m *TriggerModel) Veto() bool { return m.veto }

// Encode writes the model file.
func (m *TriggerModel) Encode() ([]byte, error) {
	out := modelJSON{Format: modelFormat, FeatureBits: FeatureBits, Veto: m.veto, Training: m.training}
	for _, tw := range m.triggers {
		var b []byte
		prev := uint32(0)
		for k, i := range tw.Index {
			b = binary.AppendUvarint(b, uint64(i-prev))
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(tw.Weight[k]))
			prev = i
		}
		tw.Packed = base64.StdEncoding.EncodeToString(b)
		out.Triggers = append(out.Triggers, tw)
	}
	return json.MarshalIndent(out, "", "  ")
}

// DecodeTriggerModel reads a model file.
func DecodeTriggerModel(b []byte) (*TriggerModel, error) {
	var in modelJSON
	if err := json.Unmarshal(b, &in); err != nil {
		return nil, fmt.Errorf("trigger model: %w", err)
	}
	if in.Format != modelFormat || in.FeatureBits != FeatureBits {
		return nil, fmt.Errorf("trigger model: format %d with %d feature bits, want %d with %d", in.Format, in.FeatureBits, modelFormat, FeatureBits)
	}
	for t := range in.Triggers {
		tw := &in.Triggers[t]
		b, err := base64.StdEncoding.DecodeString(tw.Packed)
		if err != nil {
			return nil, fmt.Errorf("trigger model: %s: %w", tw.Name, err)
		}
		prev := uint64(0)
		for len(b) > 0 {
			gap, n := binary.Uvarint(b)
			if n <= 0 || len(b) < n+4 {
				return nil, fmt.Errorf("trigger model: %s: truncated weights", tw.Name)
			}
			prev += gap
			tw.Index = append(tw.Index, uint32(min(prev, math.MaxUint32)))
			tw.Weight = append(tw.Weight, math.Float32frombits(binary.LittleEndian.Uint32(b[n:])))
			b = b[n+4:]
		}
	}
	return NewTriggerModel(in.Triggers, in.Veto, in.Training)
}

// Probabilities are the classifier's probability per trigger (TriggerNames order) for a
// conversation's customer messages, oldest first; for training's records and tests.
func (m *TriggerModel) Probabilities(customer []string) [numLearned]float64 {
	texts := make([]string, len(customer))
	for i, c := range customer {
		texts[i] = clip(c, maxMessageBytes)
	}
	f := &featurizer{m: m}
	read(texts, f)
	var p [numLearned]float64
	for t, z := range f.logits() {
		p[t] = Sigmoid(z)
	}
	return p
}
