using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.Core.Preprocessing;

/// <summary>
/// A one-row <see cref="IDataView"/> of float columns with given values: fitting one of ML.NET's own estimators on
/// it turns values we computed into that estimator's learned constants (see <see cref="NumericImputeEstimator"/>).
/// </summary>
internal sealed class ConstantRowView : IDataView
{
    private readonly float[] _values;

    public ConstantRowView(IReadOnlyList<string> names, float[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count != values.Length)
        {
            throw new ArgumentException($"Got {values.Length} values for {names.Count} columns.", nameof(values));
        }

        _values = values;
        var builder = new DataViewSchema.Builder();
        foreach (var name in names)
        {
            builder.AddColumn(name, NumberDataViewType.Single);
        }

        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => 1;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(ConstantRowView view) : DataViewRowCursor
    {
        private long _position = -1;

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (typeof(TValue) != typeof(float))
            {
                throw new InvalidOperationException($"Column '{column.Name}' holds Single, not {typeof(TValue).Name}.");
            }

            ValueGetter<float> getter = (ref float value) => value = view._values[column.Index];
            return (ValueGetter<TValue>)(Delegate)getter;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId(0, 0);

        public override bool MoveNext() => ++_position == 0;
    }
}
