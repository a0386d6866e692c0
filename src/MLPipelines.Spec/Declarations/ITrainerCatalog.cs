using System.Diagnostics.CodeAnalysis;

namespace MLPipelines.Spec.Declarations;

/// <summary>The trainers a spec may name, by YAML name (Core's <c>TrainerRegistry</c> is the one `mlpipe` uses).</summary>
public interface ITrainerCatalog
{
    /// <summary>Registered names, sorted.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Every trainer, sorted by name.</summary>
    IEnumerable<ITrainerDeclaration> Declarations { get; }

    /// <summary>The trainer named <paramref name="name"/>, if there is one.</summary>
    bool TryGetDeclaration(string name, [MaybeNullWhen(false)] out ITrainerDeclaration trainer);
}
