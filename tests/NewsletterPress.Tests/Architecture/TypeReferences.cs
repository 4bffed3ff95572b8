using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NewsletterPress.Tests.Architecture;

/// <summary>
/// Every type a compiled type refers to, read from its metadata and IL with Mono.Cecil: base type, interfaces,
/// attributes, fields, properties, events, method signatures, local variables, caught exceptions and every type,
/// method and field an instruction names (closures and iterators are nested types, so they count for their
/// outer type). Constants and enum values are copied into the IL as numbers, so a use of one alone leaves no trace.
/// </summary>
internal static class TypeReferences
{
    /// <summary>Each type of the assembly file (nested ones under their outermost type) with the types it refers to.</summary>
    public static IEnumerable<(TypeDefinition Type, IReadOnlyCollection<TypeReference> References)> Of(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var found = new Dictionary<string, TypeReference>(StringComparer.Ordinal);
            Collect(type, found);
            yield return (type, found.Values);
        }
    }

    /// <summary>Each type of the assembly file with every method and constructor its IL calls (or takes the address of).</summary>
    public static IEnumerable<(TypeDefinition Type, IReadOnlyList<MethodReference> Calls)> MethodsCalled(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var calls = type.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
                .Select(i => i.Operand).OfType<MethodReference>().ToList();
            yield return (type, calls);
        }
    }

    /// <summary>The namespace a type is declared in (a nested type's is its outermost type's).</summary>
    public static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type.Namespace;
    }

    private static void Collect(TypeDefinition type, Dictionary<string, TypeReference> found)
    {
        Add(type.BaseType, found);
        foreach (var i in type.Interfaces) Add(i.InterfaceType, found);
        Attributes(type, found);
        foreach (var g in type.GenericParameters) foreach (var c in g.Constraints) Add(c.ConstraintType, found);
        foreach (var field in type.Fields) { Add(field.FieldType, found); Attributes(field, found); }
        foreach (var property in type.Properties) { Add(property.PropertyType, found); Attributes(property, found); }
        foreach (var e in type.Events) Add(e.EventType, found);
        foreach (var method in type.Methods)
        {
            Signature(method, found);
            Attributes(method, found);
            foreach (var p in method.Parameters) Attributes(p, found);
            if (!method.HasBody) continue;
            foreach (var v in method.Body.Variables) Add(v.VariableType, found);
            foreach (var handler in method.Body.ExceptionHandlers) Add(handler.CatchType, found);
            foreach (var instruction in method.Body.Instructions)
                Operand(instruction, found);
        }
    }

    private static void Operand(Instruction instruction, Dictionary<string, TypeReference> found)
    {
        switch (instruction.Operand)
        {
            case TypeReference t: Add(t, found); break;
            case MethodReference m: Signature(m, found); break;
            case FieldReference f: Add(f.DeclaringType, found); Add(f.FieldType, found); break;
        }
    }

    private static void Signature(MethodReference method, Dictionary<string, TypeReference> found)
    {
        Add(method.DeclaringType, found);
        Add(method.ReturnType, found);
        foreach (var p in method.Parameters) Add(p.ParameterType, found);
        if (method is GenericInstanceMethod generic)
            foreach (var a in generic.GenericArguments) Add(a, found);
    }

    private static void Attributes(ICustomAttributeProvider provider, Dictionary<string, TypeReference> found)
    {
        foreach (var attribute in provider.CustomAttributes)
        {
            Add(attribute.AttributeType, found);
            foreach (var argument in attribute.ConstructorArguments)
                if (argument.Value is TypeReference t) Add(t, found);
        }
    }

    private static void Add(TypeReference? type, Dictionary<string, TypeReference> found)
    {
        switch (type)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType generic:
                Add(generic.ElementType, found);
                foreach (var a in generic.GenericArguments) Add(a, found);
                return;
            case FunctionPointerType pointer:
                Add(pointer.ReturnType, found);
                foreach (var p in pointer.Parameters) Add(p.ParameterType, found);
                return;
            case TypeSpecification specification: // arrays, by-ref, pointers, modifiers
                Add(specification.ElementType, found);
                return;
            default:
                found.TryAdd(type.FullName, type);
                return;
        }
    }
}
