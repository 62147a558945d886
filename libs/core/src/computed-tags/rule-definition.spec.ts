import { checkDefinition, fixedLabels } from './rule-definition';

const fields = (raw: unknown) => {
  const r = checkDefinition(raw);
  return 'errors' in r ? r.errors.map((e) => e.field) : [];
};

describe('checkDefinition', () => {
  it('accepts each kind and fills defaults', () => {
    const interest = checkDefinition({ kind: 'interest', decay: 0.9, actionWeights: { view: 1, purchase: 5 } });
    expect(interest).toEqual({
      definition: { kind: 'interest', decay: 0.9, actionWeights: { view: 1, purchase: 5 }, touchpointWeights: {}, itemTagsProperty: 'item_tags', touchpointProperty: 'touchpoint', windowDays: 180 },
    });
    const lifecycle = checkDefinition({ kind: 'lifecycle', purchaseEventType: 'order', labels: { new: 'first-order' } });
    expect('definition' in lifecycle && fixedLabels(lifecycle.definition)).toEqual(['prospect', 'first-order', 'returning']);
    expect(fields({ kind: 'recency', days: 30, tag: 'dormant' })).toEqual([]);
    expect(fields({ kind: 'buckets', source: { type: 'attribute', key: 'age' }, buckets: [{ max: 18, label: 'kid' }, { min: 18, label: 'adult' }] })).toEqual([]);
  });

  it('names every wrong field under definition.', () => {
    expect(fields({ kind: 'threshold', eventType: 'has space', measure: 'avg', windowDays: 1.5, op: '>=', value: 'x', tag: '' }).sort()).toEqual(
      ['definition.eventType', 'definition.measure', 'definition.tag', 'definition.value', 'definition.windowDays'].sort(),
    );
    expect(fields({ kind: 'buckets', source: { type: 'events', eventType: 'p', measure: 'count', windowDays: 7 }, buckets: [{ min: 5, max: 5, label: 'a' }] })).toEqual([
      'definition.buckets.0.max',
    ]);
    expect(fields({ kind: 'lifecycle', purchaseEventType: 'o', labels: { new: 'x', returning: 'x' } })).toEqual(['definition.labels']);
    expect(fields({ kind: 'interest', decay: 1.5, actionWeights: {} })).toEqual(['definition.decay', 'definition.actionWeights']);
    expect(fields('nope')).toEqual(['definition']);
    expect(fields({ kind: 'recency', days: 3, tag: 't', extra: true })).toEqual(['definition.extra']);
  });
});
