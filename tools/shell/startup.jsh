import dev.jgrad.*;
import dev.jgrad.autograd.*;
import static dev.jgrad.Torch.*;
import java.util.List;
System.out.println("jgrad shell: dev.jgrad.* and Torch.* are imported. Try: var a = linspace(0.0, 6.28, 5).requiresGrad_(); a.sin().sum().backward(); a.grad()");
