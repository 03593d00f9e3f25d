// Chart colours: one per entity type, and distinct colours for series side by side.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seriesColors, SPARE_COLORS, TYPE_COLORS, typeColor } from '../../../src/render/chart/style.js';
import { ENTITY_TYPES } from '../../../src/types.js';

test('every entity type has its own colour, other types a spare one', () => {
  const colors = ENTITY_TYPES.map(typeColor);
  assert.equal(new Set(colors).size, ENTITY_TYPES.length);
  assert.deepEqual(colors, ENTITY_TYPES.map((t) => TYPE_COLORS[t]));
  assert.equal(typeColor('event'), SPARE_COLORS[0]);
});

test('series of the same type get different colours, the first keeps its type colour', () => {
  const colors = seriesColors(['person', 'person', 'country', 'person']);
  assert.equal(colors[0], TYPE_COLORS.person);
  assert.equal(colors[2], TYPE_COLORS.country);
  assert.equal(new Set(colors).size, 4);
});
