using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.Data;

/// <summary>One in-memory column of a <see cref="TabularDataView"/>: its ML.NET type and a getter per cursor.</summary>
internal abstract class ViewColumn(string name, DataViewType type)
{
    public string Name { get; } = name;

    public DataViewType Type { get; } = type;

    public virtual DataViewSchema.Annotations? Annotations => null;

    /// <summary>A getter reading storage row <c>row()</c>.</summary>
    public abstract Delegate MakeGetter(Func<int> row);

    public static ViewColumn Floats(string name, float[] values) => new FloatColumn(name, values);

    public static ViewColumn Texts(string name, string[] values) => new TextColumn(name, values);

    public static ViewColumn Bools(string name, bool[] values) => new BoolColumn(name, values);

    /// <summary>A key column (values 1..classes.Count; 0 = missing) annotated with the class names.</summary>
    public static ViewColumn Keys(string name, uint[] values, IReadOnlyList<string> classes) => new KeyColumn(name, values, classes);

    /// <summary><paramref name="inner"/> read at storage row <c>map[row]</c> instead of <c>row</c> (rows not in the map read themselves).</summary>
    public static ViewColumn Remapped(ViewColumn inner, IReadOnlyDictionary<int, int> map) => new RemappedColumn(inner, map);

    /// <summary><paramref name="inner"/> read at storage row <c>storageOf(row)</c>.</summary>
    public static ViewColumn Mapped(ViewColumn inner, Func<int, int> storageOf) => new MappedColumn(inner, storageOf);

    private sealed class MappedColumn(ViewColumn inner, Func<int, int> storageOf) : ViewColumn(inner.Name, inner.Type)
    {
        public override DataViewSchema.Annotations? Annotations => inner.Annotations;

        public override Delegate MakeGetter(Func<int> row) => inner.MakeGetter(() => storageOf(row()));
    }

    private sealed class RemappedColumn(ViewColumn inner, IReadOnlyDictionary<int, int> map) : ViewColumn(inner.Name, inner.Type)
    {
        public override DataViewSchema.Annotations? Annotations => inner.Annotations;

        public override Delegate MakeGetter(Func<int> row) => inner.MakeGetter(() =>
        {
            var r = row();
            return map.TryGetValue(r, out var source) ? source : r;
        });
    }

    private sealed class FloatColumn(string name, float[] values) : ViewColumn(name, NumberDataViewType.Single)
    {
        public override Delegate MakeGetter(Func<int> row) => (ValueGetter<float>)((ref float v) => v = values[row()]);
    }

    private sealed class TextColumn(string name, string[] values) : ViewColumn(name, TextDataViewType.Instance)
    {
        public override Delegate MakeGetter(Func<int> row) =>
            (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> v) => v = values[row()].AsMemory());
    }

    private sealed class BoolColumn(string name, bool[] values) : ViewColumn(name, BooleanDataViewType.Instance)
    {
        public override Delegate MakeGetter(Func<int> row) => (ValueGetter<bool>)((ref bool v) => v = values[row()]);
    }

    private sealed class KeyColumn(string name, uint[] values, IReadOnlyList<string> classes)
        : ViewColumn(name, new KeyDataViewType(typeof(uint), classes.Count))
    {
        public override DataViewSchema.Annotations Annotations
        {
            get
            {
                var builder = new DataViewSchema.Annotations.Builder();
                var names = classes.Select(c => c.AsMemory()).ToArray();
                // "KeyValues" is ML.NET's annotation kind for key names; trainers copy it onto PredictedLabel.
                builder.Add("KeyValues", new VectorDataViewType(TextDataViewType.Instance, names.Length),
                    (ref VBuffer<ReadOnlyMemory<char>> dst) => dst = new VBuffer<ReadOnlyMemory<char>>(names.Length, names));
                return builder.ToAnnotations();
            }
        }

        public override Delegate MakeGetter(Func<int> row) => (ValueGetter<uint>)((ref uint v) => v = values[row()]);
    }
}
