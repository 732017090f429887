import dev.jgrad.*;
import dev.jgrad.autograd.*;
import dev.jgrad.nn.*;
import static dev.jgrad.Torch.*;
import java.util.List;
// java.lang.Module and java.util.function.Function share their simple names with jgrad's classes; these
// single-type imports win over every on-demand import, so Module and Function mean jgrad's here.
import dev.jgrad.nn.Module;
import dev.jgrad.autograd.Function;

System.out.println("jgrad shell: dev.jgrad.*, dev.jgrad.nn.* and Torch.* are imported. Try: var a = linspace(0.0, 6.28, 5).requiresGrad_(); a.sin().sum().backward(); a.grad()");
