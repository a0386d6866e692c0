using System.Diagnostics.CodeAnalysis;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers;

/// <summary>Trainers by YAML name. The CLI builds one holding the built-ins plus the neural trainers.</summary>
public sealed class TrainerRegistry : ITrainerCatalog
{
    private readonly Dictionary<string, ITrainerPlugin> _plugins = new(StringComparer.Ordinal);

    /// <summary>Registered names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _plugins.Keys.Order(StringComparer.Ordinal)];

    /// <summary>All plugins, sorted by name.</summary>
    public IEnumerable<ITrainerPlugin> Plugins => _plugins.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    /// <summary>Adds a trainer; a second trainer with the same name is a programming error.</summary>
    public TrainerRegistry Register(ITrainerPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        if (!_plugins.TryAdd(plugin.Name, plugin))
        {
            throw new InvalidOperationException($"A trainer named '{plugin.Name}' is already registered.");
        }

        return this;
    }

    public bool TryGet(string name, out ITrainerPlugin plugin) => _plugins.TryGetValue(name, out plugin!);

    /// <inheritdoc />
    IEnumerable<ITrainerDeclaration> ITrainerCatalog.Declarations => Plugins;

    /// <inheritdoc />
    bool ITrainerCatalog.TryGetDeclaration(string name, [MaybeNullWhen(false)] out ITrainerDeclaration trainer)
    {
        var found = _plugins.TryGetValue(name, out var plugin);
        trainer = plugin;
        return found;
    }
}
